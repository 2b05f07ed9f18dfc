package dev.tlssim.tls.wire;

import dev.tlssim.tls.CipherSuite;
import dev.tlssim.tls.NamedGroup;
import dev.tlssim.tls.SignatureScheme;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.SingleResp;
import org.bouncycastle.cert.ocsp.UnknownStatus;

/**
 * What code points and byte strings mean in words, for the fields {@link Codec} annotates: an
 * IANA name with the code in hex ({@code x25519 (0x001d)}), a byte count, a certificate's
 * subject. Used by decoders only through {@link WireReader#describe}, so none of it runs unless a
 * message is being annotated.
 */
final class CodeNames {
  /** Byte strings longer than this are shown abbreviated in values (the bytes are in the field). */
  static final int HEX_LIMIT = 32;

  private static final HexFormat HEX = HexFormat.of();

  /** Code points a real client offers that this simulator does not implement. */
  private static final Map<Integer, String> OTHER_SUITES = Map.ofEntries(
      Map.entry(0x00ff, "TLS_EMPTY_RENEGOTIATION_INFO_SCSV"),
      Map.entry(0x5600, "TLS_FALLBACK_SCSV"),
      Map.entry(0x1301, "TLS_AES_128_GCM_SHA256"),
      Map.entry(0x1302, "TLS_AES_256_GCM_SHA384"),
      Map.entry(0x1303, "TLS_CHACHA20_POLY1305_SHA256"),
      Map.entry(0xc02c, "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384"),
      Map.entry(0xc009, "TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA"),
      Map.entry(0xc00a, "TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA"),
      Map.entry(0xc014, "TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA"),
      Map.entry(0xc023, "TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256"),
      Map.entry(0xc027, "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256"),
      Map.entry(0xcca8, "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256"),
      Map.entry(0xcca9, "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256"),
      Map.entry(0x009d, "TLS_RSA_WITH_AES_256_GCM_SHA384"),
      Map.entry(0x0035, "TLS_RSA_WITH_AES_256_CBC_SHA"),
      Map.entry(0x003c, "TLS_RSA_WITH_AES_128_CBC_SHA256"),
      Map.entry(0x003d, "TLS_RSA_WITH_AES_256_CBC_SHA256"));

  private CodeNames() {}

  static String byteCount(int n) {
    return n + (n == 1 ? " byte" : " bytes");
  }

  static String hex(byte[] b) {
    if (b.length == 0) {
      return "(empty)";
    }
    if (b.length <= HEX_LIMIT) {
      return HEX.formatHex(b);
    }
    return HEX.formatHex(b, 0, 16) + "... (" + b.length + " bytes)";
  }

  /**
   * A part of a structured opaque, e.g. {@code X25519 public key (32 B): 6b1f...}: what it is, its
   * size, then its bytes as {@link #hex} shows them (abbreviated past {@link #HEX_LIMIT}).
   */
  static String part(String label, byte[] b) {
    return label + " (" + b.length + " B): " + (b.length <= HEX_LIMIT ? HEX.formatHex(b)
        : HEX.formatHex(b, 0, 16) + "...");
  }

  /**
   * A signature made with {@code scheme}: for ML-DSA, whose signatures have one fixed size per
   * parameter set (FIPS 204 §4, Table 2: 2420, 3309 and 4627 bytes), the scheme and that size, and
   * a warning when the bytes are not that long; for the others, the bytes alone.
   */
  static String signature(int scheme, byte[] b) {
    Optional<SignatureScheme> mlDsa = SignatureScheme.fromCode(scheme)
        .filter(s -> s.algorithm() == SignatureScheme.Algorithm.MLDSA);
    if (mlDsa.isEmpty()) {
      return hex(b);
    }
    // mldsa44 is FIPS 204's ML-DSA-44.
    String name = "ML-DSA-" + mlDsa.get().rfcName().substring("mldsa".length());
    int length = mlDsa.get().fixedSignatureLength().orElseThrow();
    String size = b.length == length ? "" : ", but " + name + " signatures are " + length + " B";
    return part(name + " signature", b) + size;
  }

  static String unknown(int code) {
    return "unknown (" + code + ")";
  }

  private static String hex16(int code) {
    return String.format("0x%04x", code);
  }

  static String version(int code) {
    String name = switch (code) {
      case 0x0300 -> "SSL 3.0";
      case 0x0301 -> "TLS 1.0";
      case 0x0302 -> "TLS 1.1";
      case 0x0303 -> "TLS 1.2";
      case 0x0304 -> "TLS 1.3";
      default -> "unknown";
    };
    return name + " (" + hex16(code) + ")";
  }

  static String cipherSuite(int code) {
    String name = CipherSuite.fromCode(code).map(Enum::name)
        .orElse(OTHER_SUITES.getOrDefault(code, "unknown"));
    return name + " (" + hex16(code) + ")";
  }

  static String group(int code) {
    return NamedGroup.fromCode(code).map(NamedGroup::rfcName).orElse("unknown")
        + " (" + hex16(code) + ")";
  }

  static String signatureScheme(int code) {
    return SignatureScheme.fromCode(code).map(SignatureScheme::rfcName).orElse("unknown")
        + " (" + hex16(code) + ")";
  }

  static String compression(int code) {
    return code == 0 ? "null (0)" : unknown(code);
  }

  static String pointFormat(int code) {
    return switch (code) {
      case 0 -> "uncompressed (0)";
      case 1 -> "ansiX962_compressed_prime (1)";
      case 2 -> "ansiX962_compressed_char2 (2)";
      default -> unknown(code);
    };
  }

  /** subject, issuer, validity and serial of a DER certificate, or why it is not one. */
  static String x509(byte[] der) {
    try {
      X509CertificateHolder cert = new X509CertificateHolder(der);
      return "subject=" + cert.getSubject() + ", issuer=" + cert.getIssuer()
          + ", notBefore=" + cert.getNotBefore().toInstant()
          + ", notAfter=" + cert.getNotAfter().toInstant()
          + ", serial=0x" + cert.getSerialNumber().toString(16);
    } catch (Exception | StackOverflowError e) {
      return "not a parseable X.509 certificate (" + der.length + " bytes)";
    }
  }

  /** The OCSPResponse's status and, if it is a basic response, each certificate's status. */
  static String ocspResponse(byte[] der) {
    try {
      OCSPResp resp = new OCSPResp(der);
      StringBuilder s = new StringBuilder("OCSPResponse responseStatus=")
          .append(ocspStatus(resp.getStatus()));
      if (resp.getResponseObject() instanceof BasicOCSPResp basic) {
        for (SingleResp single : basic.getResponses()) {
          Object status = single.getCertStatus();
          s.append(", serial=0x").append(single.getCertID().getSerialNumber().toString(16))
              .append(' ').append(status == null ? "good"
                  : status instanceof RevokedStatus ? "revoked"
                  : status instanceof UnknownStatus ? "unknown" : "?");
        }
        s.append(", producedAt=").append(basic.getProducedAt().toInstant());
      }
      return s.toString();
    } catch (Exception | StackOverflowError e) {
      return "not a parseable OCSPResponse (" + der.length + " bytes)";
    }
  }

  private static String ocspStatus(int status) {
    String name = switch (status) {
      case 0 -> "successful";
      case 1 -> "malformedRequest";
      case 2 -> "internalError";
      case 3 -> "tryLater";
      case 5 -> "sigRequired";
      case 6 -> "unauthorized";
      default -> "unknown";
    };
    return name + " (" + status + ")";
  }
}
