import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.Vector;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.MLDSAParameters;
import org.bouncycastle.crypto.params.MLDSAPrivateKeyParameters;
import org.bouncycastle.crypto.util.PrivateKeyFactory;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.tls.AlertDescription;
import org.bouncycastle.tls.Certificate;
import org.bouncycastle.tls.CertificateEntry;
import org.bouncycastle.tls.CertificateRequest;
import org.bouncycastle.tls.CipherSuite;
import org.bouncycastle.tls.DefaultTlsClient;
import org.bouncycastle.tls.DefaultTlsServer;
import org.bouncycastle.tls.HashAlgorithm;
import org.bouncycastle.tls.NamedGroup;
import org.bouncycastle.tls.ProtocolVersion;
import org.bouncycastle.tls.SecurityParameters;
import org.bouncycastle.tls.SignatureAlgorithm;
import org.bouncycastle.tls.SignatureAndHashAlgorithm;
import org.bouncycastle.tls.SignatureScheme;
import org.bouncycastle.tls.TlsAuthentication;
import org.bouncycastle.tls.TlsClientProtocol;
import org.bouncycastle.tls.TlsContext;
import org.bouncycastle.tls.TlsCredentials;
import org.bouncycastle.tls.TlsFatalAlert;
import org.bouncycastle.tls.TlsServerCertificate;
import org.bouncycastle.tls.TlsServerProtocol;
import org.bouncycastle.tls.TlsUtils;
import org.bouncycastle.tls.crypto.TlsCertificate;
import org.bouncycastle.tls.crypto.TlsCryptoParameters;
import org.bouncycastle.tls.crypto.impl.bc.BcDefaultTlsCredentialedSigner;
import org.bouncycastle.tls.crypto.impl.bc.BcTlsCrypto;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemReader;

/**
 * BouncyCastle's own TLS 1.3 (bctls, blocking mode) as the foreign peer of tlssim's interop test,
 * speaking TLS over its stdin and stdout. It runs in a JVM of its own because bctls needs the
 * bcprov/bcutil of its own version (the project is on a newer one).
 *
 * <pre>
 *   BctlsPeer server GROUP DIR        DIR/chain.pem (leaf first), DIR/key.pem (PKCS#8)
 *   BctlsPeer client GROUP DIR HOST   DIR/root.pem (trust anchor), DIR/message.txt
 * </pre>
 *
 * GROUP is the one named group (RFC 8446 §4.2.7 code point, e.g. 0x11ec) the peer allows. The
 * client sends message.txt (one line ending in '\n'); the server answers with the line in upper
 * case and closes; the client then closes too. Both then read stdin to its end, so that the test
 * can still deliver its own close_notify, and print one line
 * {@code BCTLS-RESULT key=value ...} on stderr: what bctls negotiated, the SHA-256 of the
 * application data it received and, for the server, the CertificateVerify scheme it signed with.
 * Exit status 0 only when all of this went through.
 */
public final class BctlsPeer {
  private BctlsPeer() {}

  public static void main(String[] args) throws Exception {
    // The TLS bytes own stdout: anything else that prints goes to stderr.
    OutputStream wireOut = new FileOutputStream(FileDescriptor.out);
    InputStream wireIn = new FileInputStream(FileDescriptor.in);
    PrintStream log = System.err;
    System.setOut(log);
    if (args.length < (args.length > 0 && args[0].equals("client") ? 4 : 3)) {
      log.println("usage: BctlsPeer server|client GROUP DIR [HOST]");
      System.exit(2);
    }
    int group = Integer.decode(args[1]);
    Path dir = Path.of(args[2]);
    BcTlsCrypto crypto = new BcTlsCrypto();
    Wire wire = new Wire(wireIn, wireOut);
    try {
      if (args[0].equals("server")) {
        runServer(crypto, group, dir, wire, log);
      } else if (args[0].equals("client")) {
        runClient(crypto, group, dir, args[3], wire, log);
      } else {
        throw new IllegalArgumentException("role " + args[0]);
      }
    } catch (Exception e) {
      log.println("BCTLS-FAILED " + e);
      e.printStackTrace(log);
      System.exit(1);
    }
    System.exit(0);
  }

  private static void runServer(BcTlsCrypto crypto, int group, Path dir, Wire wire, PrintStream log)
      throws Exception {
    Server server = new Server(crypto, group, Pem.read(dir.resolve("chain.pem")),
        PrivateKeyFactory.createKey(Pem.read(dir.resolve("key.pem")).get(0)));
    TlsServerProtocol protocol = new TlsServerProtocol(wire.in(), wire.out());
    protocol.accept(server);
    byte[] line = Lines.read(protocol.getInputStream());
    protocol.getOutputStream().write(
        new String(line, StandardCharsets.ISO_8859_1).toUpperCase(Locale.ROOT).getBytes(StandardCharsets.ISO_8859_1));
    protocol.getOutputStream().flush();
    protocol.close();
    Report.print(log, server.context(), " scheme=" + Report.hex(SignatureScheme.from(Schemes.of(server.key))), line);
    wire.drain();
  }

  private static void runClient(BcTlsCrypto crypto, int group, Path dir, String host, Wire wire,
      PrintStream log) throws Exception {
    Client client = new Client(crypto, group, new ChainCheck(Pem.read(dir.resolve("root.pem")).get(0), host));
    TlsClientProtocol protocol = new TlsClientProtocol(wire.in(), wire.out());
    protocol.connect(client);
    protocol.getOutputStream().write(Files.readAllBytes(dir.resolve("message.txt")));
    protocol.getOutputStream().flush();
    byte[] line = Lines.read(protocol.getInputStream());
    protocol.close();
    Report.print(log, client.context(), "", line);
    wire.drain();
  }

  /** The three TLS 1.3 suites (RFC 8446 §B.4), nothing older. */
  private static final int[] TLS13_SUITES = {CipherSuite.TLS_AES_128_GCM_SHA256,
      CipherSuite.TLS_AES_256_GCM_SHA384, CipherSuite.TLS_CHACHA20_POLY1305_SHA256};

  /** A TLS 1.3-only server that takes one group and presents one certificate chain. */
  static final class Server extends DefaultTlsServer {
    private final int group;
    private final List<byte[]> chain;
    private final AsymmetricKeyParameter key;

    Server(BcTlsCrypto crypto, int group, List<byte[]> chain, AsymmetricKeyParameter key) {
      super(crypto);
      this.group = group;
      this.chain = chain;
      this.key = key;
    }

    TlsContext context() {
      return context;
    }

    @Override
    protected ProtocolVersion[] getSupportedVersions() {
      return ProtocolVersion.TLSv13.only();
    }

    @Override
    protected int[] getSupportedCipherSuites() {
      return TlsUtils.getSupportedCipherSuites(getCrypto(), TLS13_SUITES);
    }

    /** The server's groups: with a client key share for this one, no HelloRetryRequest. */
    @Override
    public int[] getSupportedGroups() {
      return new int[] {group};
    }

    @Override
    public TlsCredentials getCredentials() throws IOException {
      BcTlsCrypto crypto = (BcTlsCrypto) getCrypto();
      CertificateEntry[] entries = new CertificateEntry[chain.size()];
      for (int i = 0; i < entries.length; i++) {
        entries[i] = new CertificateEntry(crypto.createCertificate(chain.get(i)), null);
      }
      // RFC 8446 §4.4.2: a server's Certificate has an empty certificate_request_context.
      Certificate certificate = new Certificate(TlsUtils.EMPTY_BYTES, entries);
      return new BcDefaultTlsCredentialedSigner(new TlsCryptoParameters(context), crypto, key, certificate,
          Schemes.of(key));
    }
  }

  /** A TLS 1.3-only client offering (and sending a key share for) one group. */
  static final class Client extends DefaultTlsClient {
    private final int group;
    private final ChainCheck check;

    Client(BcTlsCrypto crypto, int group, ChainCheck check) {
      super(crypto);
      this.group = group;
      this.check = check;
    }

    TlsContext context() {
      return context;
    }

    @Override
    protected ProtocolVersion[] getSupportedVersions() {
      return ProtocolVersion.TLSv13.only();
    }

    @Override
    protected int[] getSupportedCipherSuites() {
      return TlsUtils.getSupportedCipherSuites(getCrypto(), TLS13_SUITES);
    }

    @Override
    protected Vector<Integer> getSupportedGroups(@SuppressWarnings("rawtypes") Vector namedGroupRoles) {
      Vector<Integer> groups = new Vector<>();
      groups.add(group);
      return groups;
    }

    @Override
    public Vector<Integer> getEarlyKeyShareGroups() {
      return getSupportedGroups(null);
    }

    /**
     * bctls's default signature_algorithms (RFC 8446 §4.2.3), plus the ML-DSA schemes of
     * draft-ietf-tls-mldsa §3 when the defaults lack them, so an ML-DSA server can sign.
     */
    @Override
    @SuppressWarnings("unchecked")
    protected Vector<SignatureAndHashAlgorithm> getSupportedSignatureAlgorithms() {
      Vector<SignatureAndHashAlgorithm> schemes = TlsUtils.getDefaultSupportedSignatureAlgorithms(context);
      for (SignatureAndHashAlgorithm mldsa : List.of(SignatureAndHashAlgorithm.mldsa44,
          SignatureAndHashAlgorithm.mldsa65)) {
        if (!schemes.contains(mldsa)) {
          schemes.add(mldsa);
        }
      }
      return schemes;
    }

    @Override
    public TlsAuthentication getAuthentication() {
      return check;
    }
  }

  /** The CertificateVerify scheme for the server's key (RFC 8446 §4.2.3, draft-ietf-tls-mldsa §3). */
  static final class Schemes {
    private Schemes() {}

    static SignatureAndHashAlgorithm of(AsymmetricKeyParameter key) {
      if (key instanceof MLDSAPrivateKeyParameters) {
        MLDSAParameters parameters = ((MLDSAPrivateKeyParameters) key).getParameters();
        if (parameters.equals(MLDSAParameters.ml_dsa_44)) {
          return SignatureAndHashAlgorithm.mldsa44;
        }
        if (parameters.equals(MLDSAParameters.ml_dsa_65)) {
          return SignatureAndHashAlgorithm.mldsa65;
        }
        return SignatureAndHashAlgorithm.mldsa87;
      }
      // ecdsa_secp256r1_sha256: in TLS 1.3 the curve is part of the scheme (RFC 8446 §4.2.3).
      return SignatureAndHashAlgorithm.getInstance(HashAlgorithm.sha256, SignatureAlgorithm.ecdsa);
    }
  }

  /**
   * The client's judgement of the server's chain: PKIX path validation (RFC 5280 §6) to the one
   * trust anchor, with BouncyCastle's provider (which knows ML-DSA keys), and the host name among
   * the leaf's DNS names (RFC 6125 §6.4, exact match). No revocation checking: the test PKI has
   * no CRLs or OCSP.
   */
  static final class ChainCheck implements TlsAuthentication {
    private final byte[] root;
    private final String host;

    ChainCheck(byte[] root, String host) {
      this.root = root;
      this.host = host;
    }

    @Override
    public void notifyServerCertificate(TlsServerCertificate serverCertificate) throws IOException {
      TlsCertificate[] chain = serverCertificate.getCertificate().getCertificateList();
      try {
        BouncyCastleProvider provider = new BouncyCastleProvider();
        CertificateFactory factory = CertificateFactory.getInstance("X.509", provider);
        List<X509Certificate> path = new ArrayList<>();
        for (TlsCertificate c : chain) {
          path.add((X509Certificate) factory.generateCertificate(new ByteArrayInputStream(c.getEncoded())));
        }
        X509Certificate anchor = (X509Certificate) factory.generateCertificate(new ByteArrayInputStream(root));
        PKIXParameters parameters = new PKIXParameters(Set.of(new TrustAnchor(anchor, null)));
        parameters.setRevocationEnabled(false);
        CertPathValidator.getInstance("PKIX", provider).validate(factory.generateCertPath(path), parameters);
        if (!dnsNames(path.get(0)).contains(host)) {
          throw new IllegalStateException("leaf is not for " + host + ": " + dnsNames(path.get(0)));
        }
      } catch (Exception e) {
        System.err.println("server certificate rejected: " + e);
        throw new TlsFatalAlert(AlertDescription.bad_certificate, e);
      }
    }

    private static List<String> dnsNames(X509Certificate leaf) throws Exception {
      List<String> names = new ArrayList<>();
      Collection<List<?>> alternatives = leaf.getSubjectAlternativeNames();
      if (alternatives != null) {
        for (List<?> name : alternatives) {
          if (((Integer) name.get(0)) == 2) {
            names.add((String) name.get(1));
          }
        }
      }
      return names;
    }

    @Override
    public TlsCredentials getClientCredentials(CertificateRequest request) {
      return null;
    }
  }

  /** The DER contents of the blocks of a PEM file, in order. */
  static final class Pem {
    private Pem() {}

    static List<byte[]> read(Path file) throws IOException {
      List<byte[]> blocks = new ArrayList<>();
      try (Reader reader = Files.newBufferedReader(file, StandardCharsets.US_ASCII);
          PemReader pem = new PemReader(reader)) {
        for (PemObject o = pem.readPemObject(); o != null; o = pem.readPemObject()) {
          blocks.add(o.getContent());
        }
      }
      if (blocks.isEmpty()) {
        throw new IOException("no PEM block in " + file);
      }
      return blocks;
    }
  }

  /** One line of application data, up to and including '\n'. */
  static final class Lines {
    private Lines() {}

    static byte[] read(InputStream in) throws IOException {
      ByteArrayOutputStream line = new ByteArrayOutputStream();
      for (int b = in.read(); b >= 0; b = in.read()) {
        line.write(b);
        if (b == '\n') {
          return line.toByteArray();
        }
      }
      throw new IOException("connection closed after " + line.size() + " bytes, before a whole line");
    }
  }

  /** The one result line on stderr: what bctls negotiated and what it received. */
  static final class Report {
    private Report() {}

    /** {@code extra}: what only one role knows, such as the server's CertificateVerify scheme. */
    static void print(PrintStream log, TlsContext context, String extra, byte[] received)
        throws NoSuchAlgorithmException {
      SecurityParameters parameters = context.getSecurityParametersConnection();
      log.println("BCTLS-RESULT"
          + " version=" + hex(parameters.getNegotiatedVersion().getFullVersion())
          + " group=" + hex(parameters.getNegotiatedGroup())
          + " groupName=" + NamedGroup.getName(parameters.getNegotiatedGroup())
          + " suite=" + hex(parameters.getCipherSuite())
          + extra
          + " receivedLength=" + received.length
          + " receivedSha256=" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(received)));
      log.flush();
    }

    static String hex(int code) {
      return String.format("0x%04x", code);
    }
  }

  /**
   * stdin and stdout as the TLS connection. bctls closes its streams when the connection
   * closes; the wrappers keep the descriptors open so that the peer can still read the test's
   * answering close_notify (RFC 8446 §6.1) until the test closes its end.
   */
  record Wire(InputStream rawIn, OutputStream rawOut) {
    InputStream in() {
      return new FilterInputStream(rawIn) {
        @Override
        public void close() {}
      };
    }

    OutputStream out() {
      return new FilterOutputStream(rawOut) {
        @Override
        public void write(byte[] b, int off, int len) throws IOException {
          out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
          out.flush();
        }
      };
    }

    /** Reads stdin to its end: the test closes it once it has what it needs. */
    void drain() throws IOException {
      rawOut.close();
      rawIn.transferTo(OutputStream.nullOutputStream());
    }
  }
}
