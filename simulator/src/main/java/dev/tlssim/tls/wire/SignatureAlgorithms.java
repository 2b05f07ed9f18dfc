package dev.tlssim.tls.wire;

import dev.tlssim.tls.SignatureScheme;
import dev.tlssim.tls.TlsAlertException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * signature_algorithms (RFC 5246 §7.4.1.4.1): {@code SignatureAndHashAlgorithm
 * supported_signature_algorithms<2..2^16-2>}, each pair being the 16-bit code of a
 * {@link SignatureScheme}. Raw codes are kept so unknown ones round-trip.
 */
public record SignatureAlgorithms(List<Integer> schemeCodes) implements Extension {
  public SignatureAlgorithms {
    schemeCodes = WireWriter.checkedCodes(schemeCodes, 0xffff, "SignatureAndHashAlgorithm");
    if (schemeCodes.isEmpty()) {
      throw new IllegalArgumentException("supported_signature_algorithms needs at least one entry");
    }
  }

  public static SignatureAlgorithms of(SignatureScheme... schemes) {
    return new SignatureAlgorithms(Arrays.stream(schemes).map(SignatureScheme::code).toList());
  }

  public List<SignatureScheme> knownSchemes() {
    return schemeCodes.stream().map(SignatureScheme::fromCode).flatMap(Optional::stream).toList();
  }

  @Override
  public int typeCode() {
    return ExtensionType.SIGNATURE_ALGORITHMS.code();
  }

  @Override
  public byte[] encodeData() {
    return new WireWriter().u16List(schemeCodes).toByteArray();
  }

  static SignatureAlgorithms decode(WireReader r) throws TlsAlertException {
    List<Integer> codes = r.u16List("supported_signature_algorithms", 2, 0xfffe,
        CodeNames::signatureScheme);
    r.expectEnd();
    return new SignatureAlgorithms(codes);
  }
}
