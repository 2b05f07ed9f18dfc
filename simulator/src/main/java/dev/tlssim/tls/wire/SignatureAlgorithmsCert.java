package dev.tlssim.tls.wire;

import dev.tlssim.tls.SignatureScheme;
import dev.tlssim.tls.TlsAlertException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * signature_algorithms_cert (RFC 8446 §4.2.3): the same {@code SignatureScheme
 * supported_signature_algorithms<2..2^16-2>} as signature_algorithms, but about the signatures in
 * certificates rather than in CertificateVerify. Raw codes are kept so unknown ones round-trip.
 */
public record SignatureAlgorithmsCert(List<Integer> schemeCodes) implements Tls13Extension {
  public SignatureAlgorithmsCert {
    schemeCodes = WireWriter.checkedCodes(schemeCodes, 0xffff, "SignatureScheme");
    if (schemeCodes.isEmpty() || schemeCodes.size() > 0x7fff) {
      throw new IllegalArgumentException("supported_signature_algorithms needs 1..32767 entries");
    }
  }

  public static SignatureAlgorithmsCert of(SignatureScheme... schemes) {
    return new SignatureAlgorithmsCert(Arrays.stream(schemes).map(SignatureScheme::code).toList());
  }

  public List<SignatureScheme> knownSchemes() {
    return schemeCodes.stream().map(SignatureScheme::fromCode).flatMap(Optional::stream).toList();
  }

  @Override
  public int typeCode() {
    return ExtensionType.SIGNATURE_ALGORITHMS_CERT.code();
  }

  @Override
  public byte[] encodeData() {
    return new WireWriter().u16List(schemeCodes).toByteArray();
  }

  static SignatureAlgorithmsCert decode(WireReader r) throws TlsAlertException {
    List<Integer> codes = r.u16List("supported_signature_algorithms", 2, 0xfffe,
        CodeNames::signatureScheme);
    r.expectEnd();
    return new SignatureAlgorithmsCert(codes);
  }
}
