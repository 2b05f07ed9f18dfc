package dev.tlssim.scenario;

import dev.tlssim.pki.RevocationMode;
import dev.tlssim.tls.NamedGroup;
import dev.tlssim.tls.SignatureScheme;
import dev.tlssim.tls.crypto.HandshakeSignature;
import dev.tlssim.tls.wire.MaxFragmentLength;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads a client's own {@code tls:} settings and checks its trust anchors against the PKI. */
final class TlsClientReader {
  static final String[] KEYS = {"serverName", "trust", "checkHostname", "revocation", "acceptAny", "resumption",
      "policy", "extraTrust", "statusRequest", "keyShares", "earlyData", "pskModes", "middleboxCompatibility", "maxFragmentLength",
      "signatureAlgorithms"};

  private TlsClientReader() {}

  static TlsClientSpec read(Cursor c, PkiSpec pki, List<NamedGroup> groups) {
    // A named client policy sets the check switches; explicit switches override it.
    ClientPolicy policy = c.get("policy").parsed(ClientPolicy::parse, ClientPolicy.STRICT);
    return new TlsClientSpec(c.get("serverName").text(null), trust(c, pki, policy),
        c.get("checkHostname").bool(policy.checkHostname()), c.get("acceptAny").bool(policy.acceptAny()),
        revocation(c.get("revocation"), policy.revocation()),
        c.get("resumption").parsed(ResumptionMode::parse, ResumptionMode.BOTH), c.get("statusRequest").bool(false),
        keyShares(c.get("keyShares"), groups),
        c.get("pskModes").present() ? TlsReader.list(c.get("pskModes"), PskMode::parse) : List.of(PskMode.PSK_DHE_KE),
        c.get("middleboxCompatibility").bool(true), c.get("earlyData").bool(false),
        signatureAlgorithms(c.get("signatureAlgorithms")), maxFragmentLength(c.get("maxFragmentLength")));
  }

  /**
   * RFC 6066 §4: the client asks for 2^9, 2^10, 2^11 or 2^12 bytes, written as the number of
   * bytes; absent, it asks for nothing.
   */
  private static Optional<MaxFragmentLength> maxFragmentLength(Cursor c) {
    if (!c.present()) {
      return Optional.empty();
    }
    String text = c.text().trim();
    Optional<MaxFragmentLength> length = text.matches("[0-9]{1,5}")
        ? MaxFragmentLength.ofBytes(Integer.parseInt(text)) : Optional.empty();
    if (length.isEmpty()) {
      throw c.error("use 512, 1024, 2048 or 4096, the lengths RFC 6066 §4 allows (got '" + text + "')");
    }
    return length;
  }

  /** The anchors in {@code trust}, plus {@code extraTrust} when the policy is that the user installed it. */
  private static List<String> trust(Cursor c, PkiSpec pki, ClientPolicy policy) {
    List<String> trust = new ArrayList<>(anchors(c.get("trust"), pki, " (under pki.authorities)"));
    List<String> extra = anchors(c.get("extraTrust"), pki, "");
    if (policy == ClientPolicy.TRUST_EXTRA_ROOT) {
      if (extra.isEmpty()) {
        throw c.get("policy").error("trust-extra-root needs extraTrust: the root the user was made to install");
      }
      trust.addAll(extra);
    }
    return trust;
  }

  private static List<String> anchors(Cursor c, PkiSpec pki, String hint) {
    if (!c.present()) {
      return List.of();
    }
    List<String> names = TlsReader.list(c, t -> t);
    List<Cursor> cursors = c.elements();
    for (int i = 0; i < names.size(); i++) {
      if (!pki.authorities().containsKey(names.get(i)) && !pki.certificates().containsKey(names.get(i))) {
        throw cursors.get(i).error("unknown authority '" + names.get(i) + "'" + hint);
      }
    }
    return names;
  }

  /**
   * {@code off|soft-fail|hard-fail} (status from the CRLs handed out at the start), or
   * {@code {mode, source: preloaded|ocsp|crl, fetchTimeout}}; the mode defaults to the policy's.
   */
  private static RevocationCheck revocation(Cursor c, RevocationMode policyMode) {
    if (!c.present()) {
      return RevocationCheck.preloaded(policyMode);
    }
    if (c.isScalar()) {
      return RevocationCheck.preloaded(c.parsed(RevocationCheck::parseMode));
    }
    c.allowOnly("mode", "source", "fetchTimeout");
    StatusSource source = c.get("source").parsed(StatusSource::parse, StatusSource.PRELOADED);
    Cursor timeout = c.get("fetchTimeout");
    if (timeout.present() && !source.online()) {
      throw timeout.error("fetchTimeout is for online checks: set source to ocsp or crl");
    }
    return new RevocationCheck(c.get("mode").parsed(RevocationCheck::parseMode, policyMode), source,
        timeout.parsed(Units::durationNanos, RevocationCheck.DEFAULT_FETCH_TIMEOUT_NANOS));
  }

  /**
   * The CertificateVerify schemes a TLS 1.3 client offers, by their RFC 8446 §4.2.3 names
   * (ecdsa_secp256r1_sha256, rsa_pss_rsae_sha256, ...) and draft-ietf-tls-mldsa's (mldsa44,
   * mldsa65): real clients do not offer ML-DSA yet, so a scenario that wants it says so. Only the
   * schemes our engine can verify are accepted.
   */
  private static List<SignatureScheme> signatureAlgorithms(Cursor c) {
    if (!c.present()) {
      return List.of();
    }
    List<SignatureScheme> schemes = TlsReader.list(c, SignatureScheme::parse);
    for (int i = 0; i < schemes.size(); i++) {
      SignatureScheme s = schemes.get(i);
      boolean tls13 = s.algorithm() != SignatureScheme.Algorithm.RSA_PKCS1 && s != SignatureScheme.ECDSA_SHA1
          && HandshakeSignature.canVerify(s);
      if (!tls13) {
        throw (c.isArray() ? c.elements().get(i) : c).error(s.rfcName() + " cannot sign a TLS 1.3 CertificateVerify "
            + "(RFC 8446 §4.2.3); use ecdsa_secp256r1_sha256, ecdsa_secp384r1_sha384, rsa_pss_rsae_sha256/384/512, "
            + "mldsa44, mldsa65 or mldsa87");
      }
    }
    return schemes;
  }

  /** RFC 8446 §4.2.8: every KeyShareEntry is for a group in supported_groups. */
  private static List<NamedGroup> keyShares(Cursor c, List<NamedGroup> groups) {
    if (!c.present()) {
      return groups;
    }
    List<NamedGroup> shares = TlsReader.list(c, NamedGroup::parse);
    for (int i = 0; i < shares.size(); i++) {
      if (!groups.contains(shares.get(i))) {
        throw c.elements().get(i).error("a key share only for a group in groups "
            + groups.stream().map(NamedGroup::rfcName).toList());
      }
    }
    return shares;
  }
}
