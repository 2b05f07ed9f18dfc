package dev.tlssim.tls.interop;

import dev.tlssim.pki.CertificateChain;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.util.PrivateKeyInfoFactory;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemWriter;

/**
 * The files the bctls peer reads from its directory, in PEM (RFC 7468): for a server its chain
 * (chain.pem, leaf first as in the Certificate message) and its key (key.pem, PKCS#8, RFC 5208);
 * for a client its trust anchor (root.pem) and the line it sends (message.txt).
 */
final class PeerFiles {
  private PeerFiles() {}

  static void writeServer(Path dir, CertificateChain chain, AsymmetricKeyParameter key) {
    try {
      StringWriter certificates = new StringWriter();
      for (X509CertificateHolder c : chain.certificates()) {
        certificates.write(pem("CERTIFICATE", c.getEncoded()));
      }
      Files.writeString(dir.resolve("chain.pem"), certificates.toString(), StandardCharsets.US_ASCII);
      Files.writeString(dir.resolve("key.pem"),
          pem("PRIVATE KEY", PrivateKeyInfoFactory.createPrivateKeyInfo(key).getEncoded()), StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void writeClient(Path dir, X509CertificateHolder root, byte[] message) {
    try {
      Files.writeString(dir.resolve("root.pem"), pem("CERTIFICATE", root.getEncoded()), StandardCharsets.US_ASCII);
      Files.write(dir.resolve("message.txt"), message);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String pem(String type, byte[] der) throws IOException {
    StringWriter out = new StringWriter();
    try (PemWriter writer = new PemWriter(out)) {
      writer.writeObject(new PemObject(type, der));
    }
    return out.toString();
  }

  /** The peer's arguments for {@code role} in {@code dir}. */
  static List<String> arguments(String role, int group, Path dir, String... more) {
    List<String> args = new ArrayList<>(List.of(role, String.format("0x%04x", group), dir.toString()));
    args.addAll(List.of(more));
    return args;
  }
}
