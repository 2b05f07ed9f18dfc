package dev.tlssim.tls.crypto;

import org.bouncycastle.crypto.Digest;
import org.bouncycastle.crypto.digests.SHA1Digest;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.digests.SHA384Digest;
import org.bouncycastle.crypto.digests.SHA512Digest;

/**
 * Maps the JCA hash names used by the shared vocabulary ({@code CipherSuite.prfHash()},
 * {@code SignatureScheme.hash()}, {@code CipherSuite.Mac.hash()}) to fresh BouncyCastle digests.
 * A new instance per use because BC digests are stateful and not thread-safe.
 */
final class HashAlgorithm {
  private HashAlgorithm() {}

  static Digest create(String jcaName) {
    return switch (jcaName) {
      case "SHA-1" -> new SHA1Digest();
      case "SHA-256" -> new SHA256Digest();
      case "SHA-384" -> new SHA384Digest();
      case "SHA-512" -> new SHA512Digest();
      default -> throw new IllegalArgumentException("unsupported hash '" + jcaName + "'");
    };
  }

  static byte[] hash(String jcaName, byte[] data) {
    Digest d = create(jcaName);
    d.update(data, 0, data.length);
    byte[] out = new byte[d.getDigestSize()];
    d.doFinal(out, 0);
    return out;
  }
}
