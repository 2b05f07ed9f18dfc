package dev.tlssim.pki;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1InputStream;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.pkcs.Attribute;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Certificate;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.ExtensionsGenerator;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.util.PublicKeyFactory;
import org.bouncycastle.crypto.util.SubjectPublicKeyInfoFactory;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.PKCS10CertificationRequestBuilder;
import org.bouncycastle.pkcs.PKCSException;

/**
 * Certificate enrollment, sans-I/O: a requester builds a PKCS#10 certification request (RFC 2986)
 * naming its hosts in an extensionRequest (RFC 2985 §5.4.2); the CA checks the request's
 * self-signature (proof that the requester holds the key) and its own issuing policy, and answers
 * with the chain it issued. The same exchange EST (RFC 7030 §4.2) carries over HTTPS.
 */
public final class Enrollment {
  private Enrollment() {}

  /** Why a CA refused a request; becomes the HTTP status text. */
  public static final class Refused extends Exception {
    public Refused(String message) {
      super(message);
    }
  }

  /** A DER PKCS#10 request for a TLS server certificate for {@code names}, signed with the key. */
  public static byte[] request(List<String> names, AsymmetricCipherKeyPair keyPair) {
    try {
      X500Name subject = new X500Name("CN=" + names.get(0));
      var builder = new PKCS10CertificationRequestBuilder(subject,
          SubjectPublicKeyInfoFactory.createSubjectPublicKeyInfo(keyPair.getPublic()));
      GeneralName[] san = names.stream().map(n -> new GeneralName(GeneralName.dNSName, n)).toArray(GeneralName[]::new);
      ExtensionsGenerator extensions = new ExtensionsGenerator();
      extensions.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(san));
      builder.addAttribute(PKCSObjectIdentifiers.pkcs_9_at_extensionRequest, extensions.generate());
      return builder.build(SignatureOperators.signer(keyPair.getPrivate())).getEncoded();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Checks and fulfils a request: a valid self-signature, at least one name, every name within
   * {@code allowedSuffixes} (empty: any name). Returns the leaf and the CA's chain, as a server
   * would send it.
   */
  public static CertificateChain issue(CertificateAuthority ca, byte[] requestDer, Instant notBefore,
      Instant notAfter, List<String> allowedSuffixes) throws Refused {
    PKCS10CertificationRequest csr;
    AsymmetricKeyParameter publicKey;
    try {
      csr = new PKCS10CertificationRequest(requestDer);
      publicKey = PublicKeyFactory.createKey(csr.getSubjectPublicKeyInfo());
      if (!csr.isSignatureValid(SignatureOperators.verifier(publicKey))) {
        throw new Refused("the request's signature does not verify (no proof of possession)");
      }
    } catch (IOException | PKCSException | IllegalArgumentException e) {
      throw new Refused("not a valid PKCS#10 request: " + e.getMessage());
    }
    List<String> names = requestedNames(csr);
    if (names.isEmpty()) {
      throw new Refused("the request names no host (subjectAltName dNSName)");
    }
    for (String n : names) {
      if (!allowedSuffixes.isEmpty() && allowedSuffixes.stream().noneMatch(s -> n.equalsIgnoreCase(s)
          || n.toLowerCase().endsWith("." + s.toLowerCase()))) {
        throw new Refused("this CA does not issue for '" + n + "'");
      }
    }
    CertificateProfile profile = CertificateProfile.tlsServer(names.get(0), publicKey, notBefore, notAfter)
        .dnsNames(names).build();
    return ca.chainFor(ca.issue(profile));
  }

  private static List<String> requestedNames(PKCS10CertificationRequest csr) {
    List<String> names = new ArrayList<>();
    for (Attribute a : csr.getAttributes(PKCSObjectIdentifiers.pkcs_9_at_extensionRequest)) {
      for (ASN1Encodable v : a.getAttributeValues()) {
        Extensions ext = Extensions.getInstance(v);
        GeneralNames san = GeneralNames.fromExtensions(ext, Extension.subjectAlternativeName);
        if (san != null) {
          for (GeneralName g : san.getNames()) {
            if (g.getTagNo() == GeneralName.dNSName) {
              names.add(g.getName().toString());
            }
          }
        }
      }
    }
    return names;
  }

  /** The chain as the CA sends it: the DER certificates one after another. */
  public static byte[] encode(CertificateChain chain) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      for (X509CertificateHolder c : chain.certificates()) {
        out.write(c.getEncoded());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** Reads back {@link #encode}'s output (each DER certificate carries its own length). */
  public static CertificateChain decode(byte[] bytes) throws Refused {
    List<X509CertificateHolder> certs = new ArrayList<>();
    try (ASN1InputStream in = new ASN1InputStream(bytes)) {
      ASN1Primitive p;
      while ((p = in.readObject()) != null) {
        certs.add(new X509CertificateHolder(Certificate.getInstance(p)));
      }
    } catch (IOException | IllegalArgumentException e) {
      throw new Refused("not a certificate chain: " + e.getMessage());
    }
    if (certs.isEmpty()) {
      throw new Refused("empty certificate chain");
    }
    return new CertificateChain(certs);
  }
}
