package dev.tlssim.tls.wire;

import dev.tlssim.tls.SignatureScheme;
import dev.tlssim.tls.TlsAlertException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The TLS 1.2 {@code digitally-signed} element (RFC 5246 §4.7): {@code SignatureAndHashAlgorithm
 * algorithm(2); opaque signature<0..2^16-1>}. The algorithm is kept raw; whether it was offered in
 * signature_algorithms is the handshake logic's check (illegal_parameter), not a decoding one.
 */
public record DigitallySigned(int algorithm, byte[] signature) {
  public DigitallySigned {
    if (algorithm < 0 || algorithm > 0xffff) {
      throw new IllegalArgumentException("algorithm out of range: " + algorithm);
    }
    if (signature.length > 0xffff) {
      throw new IllegalArgumentException("signature too long: " + signature.length);
    }
    signature = signature.clone();
  }

  public DigitallySigned(SignatureScheme scheme, byte[] signature) {
    this(scheme.code(), signature);
  }

  @Override
  public byte[] signature() {
    return signature.clone();
  }

  public Optional<SignatureScheme> scheme() {
    return SignatureScheme.fromCode(algorithm);
  }

  void encode(WireWriter w) {
    w.u16(algorithm).vector16(signature);
  }

  static DigitallySigned decode(WireReader r) throws TlsAlertException {
    r.enter("signed_params");
    int algorithm = r.u16("algorithm");
    r.describe(CodeNames::signatureScheme, algorithm);
    byte[] signature = r.vector16("signature", 0, 0xffff);
    r.exit();
    return new DigitallySigned(algorithm, signature);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof DigitallySigned d
        && algorithm == d.algorithm
        && Arrays.equals(signature, d.signature);
  }

  @Override
  public int hashCode() {
    return 31 * algorithm + Arrays.hashCode(signature);
  }

  @Override
  public String toString() {
    return String.format("DigitallySigned[0x%04x, %s]", algorithm,
        HexFormat.of().formatHex(signature));
  }
}
