package dev.tlssim.tls.wire;

import dev.tlssim.tls.HandshakeType;
import dev.tlssim.tls.SignatureScheme;
import dev.tlssim.tls.TlsAlertException;
import dev.tlssim.tls.crypto.ConnectionEnd;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;

/**
 * CertificateVerify (RFC 8446 §4.4.3): {@code SignatureScheme algorithm; opaque
 * signature<0..2^16-1>;}. The algorithm is kept raw: one the peer did not offer is an
 * illegal_parameter for the handshake logic, not a decoding failure.
 *
 * <p>{@link #signedContent} builds what the signature covers: 64 bytes of 0x20, the context
 * string, a 0x00 separator and the transcript hash up to and including Certificate, so that a
 * TLS 1.3 signature can never be replayed as a TLS 1.2 one or across the two ends.
 */
public record CertificateVerify(int algorithm, byte[] signature) implements Tls13HandshakeMessage {
  /** The context string of a server's signature (RFC 8446 §4.4.3). */
  public static final String SERVER_CONTEXT = "TLS 1.3, server CertificateVerify";
  /** The context string of a client's signature (RFC 8446 §4.4.3). */
  public static final String CLIENT_CONTEXT = "TLS 1.3, client CertificateVerify";
  /** The 64 bytes of 0x20 that open the signed content. */
  public static final int PAD_LENGTH = 64;

  public CertificateVerify {
    if (algorithm < 0 || algorithm > 0xffff) {
      throw new IllegalArgumentException("SignatureScheme out of range: " + algorithm);
    }
    if (signature.length > 0xffff) {
      throw new IllegalArgumentException("signature longer than 65535 bytes: " + signature.length);
    }
    signature = signature.clone();
  }

  public static CertificateVerify of(SignatureScheme scheme, byte[] signature) {
    return new CertificateVerify(scheme.code(), signature);
  }

  public Optional<SignatureScheme> knownAlgorithm() {
    return SignatureScheme.fromCode(algorithm);
  }

  @Override
  public byte[] signature() {
    return signature.clone();
  }

  /**
   * The content signed by {@code signer} (RFC 8446 §4.4.3): 0x20 × 64, the context string for
   * that end, 0x00, then {@code transcriptHash}.
   */
  public static byte[] signedContent(ConnectionEnd signer, byte[] transcriptHash) {
    String context = signer == ConnectionEnd.SERVER ? SERVER_CONTEXT : CLIENT_CONTEXT;
    byte[] pad = new byte[PAD_LENGTH];
    Arrays.fill(pad, (byte) 0x20);
    return new WireWriter()
        .bytes(pad)
        .bytes(context.getBytes(StandardCharsets.US_ASCII))
        .u8(0)
        .bytes(transcriptHash)
        .toByteArray();
  }

  @Override
  public HandshakeType type() {
    return HandshakeType.CERTIFICATE_VERIFY;
  }

  @Override
  public byte[] encodeBody() {
    return new WireWriter().u16(algorithm).vector16(signature).toByteArray();
  }

  public static CertificateVerify decode(byte[] body) throws TlsAlertException {
    return decode(new WireReader(body, "certificate_verify"));
  }

  static CertificateVerify decode(WireReader r) throws TlsAlertException {
    int algorithm = r.u16("algorithm");
    r.describe(CodeNames::signatureScheme, algorithm);
    byte[] signature = r.vector16("signature", 0, 0xffff);
    r.describe(b -> CodeNames.signature(algorithm, b), signature);
    r.expectEnd();
    return new CertificateVerify(algorithm, signature);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CertificateVerify c && algorithm == c.algorithm
        && Arrays.equals(signature, c.signature);
  }

  @Override
  public int hashCode() {
    return 31 * algorithm + Arrays.hashCode(signature);
  }

  @Override
  public String toString() {
    return String.format("CertificateVerify[0x%04x, ", algorithm)
        + HexFormat.of().formatHex(signature) + "]";
  }
}
