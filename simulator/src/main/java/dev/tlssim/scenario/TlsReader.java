package dev.tlssim.scenario;

import dev.tlssim.pki.RevocationMode;
import dev.tlssim.tls.CipherSuite;
import dev.tlssim.tls.NamedGroup;
import dev.tlssim.tls.ProtocolVersion;
import dev.tlssim.tls.Tls13CipherSuite;
import dev.tlssim.tls.wire.PskKeyExchangeModes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/** Reads a node's {@code tls:} section and checks its references into the PKI. */
final class TlsReader {
  static final List<CipherSuite> DEFAULT_SUITES = List.of(
      CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256,
      CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,
      CipherSuite.TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384,
      CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA,
      CipherSuite.TLS_RSA_WITH_AES_128_GCM_SHA256,
      CipherSuite.TLS_RSA_WITH_AES_128_CBC_SHA);
  static final List<Tls13CipherSuite> DEFAULT_TLS13_SUITES = List.of(Tls13CipherSuite.TLS_AES_128_GCM_SHA256,
      Tls13CipherSuite.TLS_AES_256_GCM_SHA384, Tls13CipherSuite.TLS_CHACHA20_POLY1305_SHA256);
  static final List<NamedGroup> DEFAULT_GROUPS = List.of(NamedGroup.X25519, NamedGroup.SECP256R1);

  private TlsReader() {}

  static TlsSpec read(Cursor c, Scenario.Role role, PkiSpec pki) {
    if (!c.present()) {
      return null;
    }
    if (role == Scenario.Role.SERVER) {
      c.allowOnly("implementation", "versions", "suites", "groups", "extendedMasterSecret", "certificate",
          "sessionCache", "tickets", "staple", "earlyData");
    } else if (role == Scenario.Role.CLIENT) {
      c.allowOnly("implementation", "versions", "suites", "groups", "extendedMasterSecret", "serverName", "trust",
          "checkHostname", "revocation", "acceptAny", "resumption", "policy", "extraTrust", "revocationCheck",
          "statusRequest", "fetchTimeout", "keyShares", "earlyData", "pskModes", "middleboxCompatibility");
    } else {
      throw c.error("only clients and servers speak TLS");
    }
    String implementation = c.get("implementation").text("tlssim");
    if (!implementation.equals("tlssim") && !implementation.equals("jdk")) {
      throw c.get("implementation").error("unknown implementation '" + implementation
          + "' (use tlssim, or jdk for the JDK's SSLEngine)");
    }
    ProtocolVersion min = ProtocolVersion.TLS12;
    ProtocolVersion max = ProtocolVersion.TLS12;
    Cursor v = c.get("versions");
    if (v.present()) {
      List<ProtocolVersion> versions = list(v, ProtocolVersion::parse);
      min = versions.stream().min(ProtocolVersion::compareTo).orElseThrow();
      max = versions.stream().max(ProtocolVersion::compareTo).orElseThrow();
    }
    boolean tls13 = max.compareTo(ProtocolVersion.TLS13) >= 0;
    boolean tls12 = min.compareTo(ProtocolVersion.TLS12) <= 0;
    // One list names the suites of every version; each engine takes its own (RFC 8446 §B.4 names
    // are TLS 1.3's, RFC 5246 / 8422 / 5288 ones the older versions').
    List<CipherSuite> suites = DEFAULT_SUITES;
    List<Tls13CipherSuite> tls13Suites = DEFAULT_TLS13_SUITES;
    if (c.get("suites").present()) {
      List<CipherSuite> older = new ArrayList<>();
      List<Tls13CipherSuite> newer = new ArrayList<>();
      for (Cursor e : c.get("suites").isArray() ? c.get("suites").elements() : List.of(c.get("suites"))) {
        String name = e.text().trim();
        var tls13Suite = Arrays.stream(Tls13CipherSuite.values()).filter(x -> x.name().equals(name)).findFirst();
        if (tls13Suite.isPresent()) {
          newer.add(tls13Suite.get());
        } else {
          older.add(e.parsed(CipherSuite::parse));
        }
      }
      if (tls12 && older.isEmpty()) {
        throw c.get("suites").error("no TLS 1.2 suite, though the versions include 1.2");
      }
      if (tls13 && newer.isEmpty()) {
        throw c.get("suites").error("no TLS 1.3 suite (TLS_AES_128_GCM_SHA256, TLS_AES_256_GCM_SHA384, "
            + "TLS_CHACHA20_POLY1305_SHA256), though the versions include 1.3");
      }
      suites = older.isEmpty() ? DEFAULT_SUITES : older;
      tls13Suites = newer.isEmpty() ? DEFAULT_TLS13_SUITES : newer;
    }
    List<NamedGroup> groups = c.get("groups").present() ? list(c.get("groups"), NamedGroup::parse) : DEFAULT_GROUPS;
    for (int i = 0; i < groups.size(); i++) {
      NamedGroup g = groups.get(i);
      boolean allowed = g == NamedGroup.X25519 || g == NamedGroup.SECP256R1 || (g == NamedGroup.SECP384R1 && !tls12);
      if (!allowed) {
        throw c.get("groups").elements().get(i).error(tls12
            ? "supported groups are x25519 and secp256r1 (secp384r1 too for TLS 1.3 only)"
            : "supported groups are x25519, secp256r1 and secp384r1");
      }
    }
    List<NamedGroup> keyShares = groups;
    if (c.get("keyShares").present()) {
      keyShares = list(c.get("keyShares"), NamedGroup::parse);
      for (int i = 0; i < keyShares.size(); i++) {
        if (!groups.contains(keyShares.get(i))) {
          // RFC 8446 §4.2.8: every KeyShareEntry is for a group in supported_groups.
          throw c.get("keyShares").elements().get(i).error("a key share only for a group in groups " + groups);
        }
      }
    }
    boolean clientEarlyData = role == Scenario.Role.CLIENT && c.get("earlyData").bool(false);
    List<Integer> pskModes = c.get("pskModes").present() ? list(c.get("pskModes"), TlsReader::pskMode)
        : List.of(PskKeyExchangeModes.PSK_DHE_KE);
    TlsSpec.EarlyDataSpec serverEarlyData = role == Scenario.Role.SERVER ? earlyData(c.get("earlyData")) : null;
    if (!tls13) {
      for (String key : List.of("keyShares", "earlyData", "pskModes", "middleboxCompatibility")) {
        if (c.get(key).present()) {
          throw c.get(key).error(key + " is a TLS 1.3 setting; add 1.3 to versions");
        }
      }
    }
    boolean ems = c.get("extendedMasterSecret").bool(true);
    String certificate = null;
    String serverName = null;
    List<String> trust = List.of();
    if (role == Scenario.Role.SERVER) {
      Cursor cert = c.get("certificate").require();
      certificate = cert.text();
      if (!pki.certificates().containsKey(certificate)) {
        throw cert.error("no certificate '" + certificate + "' under pki.certificates");
      }
    } else {
      serverName = c.get("serverName").text(null);
      trust = c.get("trust").present() ? list(c.get("trust"), t -> t) : List.of();
      List<Cursor> trustCursors = c.get("trust").present() ? c.get("trust").elements() : List.of();
      for (int i = 0; i < trust.size(); i++) {
        if (!pki.authorities().containsKey(trust.get(i)) && !pki.certificates().containsKey(trust.get(i))) {
          throw trustCursors.get(i).error("unknown authority '" + trust.get(i) + "' (under pki.authorities)");
        }
      }
    }
    // A named client policy sets the check switches; explicit switches override it.
    ClientPolicy policy = c.get("policy").parsed(ClientPolicy::parse, ClientPolicy.STRICT);
    if (role == Scenario.Role.CLIENT) {
      List<String> extra = c.get("extraTrust").present() ? list(c.get("extraTrust"), t -> t) : List.of();
      for (int i = 0; i < extra.size(); i++) {
        if (!pki.authorities().containsKey(extra.get(i)) && !pki.certificates().containsKey(extra.get(i))) {
          throw c.get("extraTrust").elements().get(i).error("unknown authority '" + extra.get(i) + "'");
        }
      }
      if (policy == ClientPolicy.TRUST_EXTRA_ROOT) {
        if (extra.isEmpty()) {
          throw c.get("policy").error("trust-extra-root needs extraTrust: the root the user was made to install");
        }
        List<String> all = new java.util.ArrayList<>(trust);
        all.addAll(extra);
        trust = all;
      }
    }
    RevocationMode revocation = c.get("revocation").parsed(TlsReader::revocation, policy.revocation());
    String resumption = c.get("resumption").text("both");
    if (!List.of("session-id", "ticket", "both", "none").contains(resumption)) {
      throw c.get("resumption").error("use session-id, ticket, both or none");
    }
    return new TlsSpec(implementation, min, max, suites, groups, ems, certificate, serverName, trust,
        c.get("checkHostname").bool(policy.checkHostname()), revocation, c.get("acceptAny").bool(policy.acceptAny()),
        resumption,
        role == Scenario.Role.SERVER ? cache(c.get("sessionCache")) : null,
        role == Scenario.Role.SERVER ? tickets(c.get("tickets")) : null,
        revocationCheck(c.get("revocationCheck")), c.get("statusRequest").bool(false),
        c.get("fetchTimeout").parsed(Units::durationNanos, 3_000_000_000L), c.get("staple").bool(false),
        tls13Suites, keyShares, clientEarlyData, pskModes, c.get("middleboxCompatibility").bool(true), serverEarlyData);
  }

  private static int pskMode(String text) {
    return switch (text.trim()) {
      case "psk_dhe_ke" -> PskKeyExchangeModes.PSK_DHE_KE;
      case "psk_ke" -> PskKeyExchangeModes.PSK_KE;
      default -> throw new IllegalArgumentException("unknown psk mode '" + text + "' (use psk_dhe_ke or psk_ke)");
    };
  }

  /**
   * {@code off}, or {maxSize, antiReplay, window}: 0-RTT allowed with the server's tickets up to
   * maxSize bytes, replays refused by none, single-use or window (RFC 8446 §8).
   */
  private static TlsSpec.EarlyDataSpec earlyData(Cursor c) {
    if (!c.present() || isOff(c)) {
      return null;
    }
    c.allowOnly("maxSize", "antiReplay", "window");
    String antiReplay = c.get("antiReplay").text("single-use");
    if (!List.of("none", "single-use", "window").contains(antiReplay)) {
      throw c.get("antiReplay").error("use none, single-use (each ticket once) or window (ClientHellos recorded)");
    }
    return new TlsSpec.EarlyDataSpec(c.get("maxSize").parsed(Units::bytes, 16_384L), antiReplay,
        c.get("window").parsed(Units::durationNanos, 10_000_000_000L));
  }

  private static String revocationCheck(Cursor c) {
    String v = c.text("preloaded");
    if (!List.of("preloaded", "ocsp", "crl").contains(v)) {
      throw c.error("use preloaded (CRLs handed out at the start), ocsp or crl (asked of the CA during the handshake)");
    }
    return v;
  }

  private static final long HOUR = 3_600_000_000_000L;

  /** {@code off}, or {capacity, lifetime, shared}; by default a cache of the server's own. */
  private static TlsSpec.CacheSpec cache(Cursor c) {
    if (isOff(c)) {
      return null;
    }
    c.allowOnly("capacity", "lifetime", "shared");
    return new TlsSpec.CacheSpec((int) c.get("capacity").integer(1, 10_000_000, 20_480),
        c.get("lifetime").parsed(Units::durationNanos, 24 * HOUR), c.get("shared").text(null));
  }

  /** {@code off}, or {rotation, grace, lifetime, keys}; by default tickets with the server's own keys. */
  private static TlsSpec.TicketSpec tickets(Cursor c) {
    if (isOff(c)) {
      return null;
    }
    c.allowOnly("rotation", "grace", "lifetime", "keys");
    return new TlsSpec.TicketSpec(c.get("rotation").parsed(Units::durationNanos, 12 * HOUR),
        c.get("grace").parsed(Units::durationNanos, 12 * HOUR), c.get("lifetime").parsed(Units::durationNanos, 24 * HOUR),
        c.get("keys").text(null));
  }

  /** {@code off} (which YAML 1.1 also reads as false) or {@code false}. */
  private static boolean isOff(Cursor c) {
    return c.isScalar() && (c.text().equals("off") || c.text().equals("false"));
  }

  private static RevocationMode revocation(String text) {
    return switch (text.trim()) {
      case "off" -> RevocationMode.OFF;
      case "soft-fail" -> RevocationMode.SOFT_FAIL;
      case "hard-fail" -> RevocationMode.HARD_FAIL;
      default -> throw new IllegalArgumentException("unknown revocation policy '" + text
          + "' (use off, soft-fail or hard-fail)");
    };
  }

  private static <T> List<T> list(Cursor c, Function<String, T> parser) {
    List<T> out = new ArrayList<>();
    for (Cursor e : c.isArray() ? c.elements() : List.of(c)) {
      out.add(e.parsed(parser));
    }
    if (out.isEmpty()) {
      throw c.error("the list is empty");
    }
    return out;
  }
}
