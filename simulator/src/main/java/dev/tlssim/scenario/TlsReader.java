package dev.tlssim.scenario;

import dev.tlssim.tls.CipherSuite;
import dev.tlssim.tls.NamedGroup;
import dev.tlssim.tls.Tls13CipherSuite;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * Reads a node's {@code tls:} section: what both roles share here, the role's own settings in
 * {@link TlsClientReader} and {@link TlsServerReader}.
 */
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

  private static final String[] SHARED_KEYS = {"implementation", "versions", "suites", "groups",
      "extendedMasterSecret"};
  /** Settings only TLS 1.3 has; on a node without 1.3 they are a mistake, not a no-op. */
  private static final List<String> TLS13_ONLY = List.of("keyShares", "earlyData", "pskModes",
      "middleboxCompatibility", "groupSelection", "signatureAlgorithms");

  /** The suites of one list, split by version: RFC 8446 §B.4 names are TLS 1.3's, the others older. */
  private record Suites(List<CipherSuite> tls12, List<Tls13CipherSuite> tls13) {}

  private TlsReader() {}

  static TlsSpec read(Cursor c, Scenario.Role role, PkiSpec pki) {
    if (!c.present()) {
      return null;
    }
    allowKeys(c, role);
    Implementation implementation = c.get("implementation").parsed(Implementation::parse, Implementation.OURS);
    List<TlsVersion> versions = versions(c.get("versions"));
    boolean tls13 = versions.contains(TlsVersion.TLS13);
    Suites suites = suites(c.get("suites"), versions);
    List<NamedGroup> groups = groups(c.get("groups"), versions);
    if (implementation == Implementation.JDK && groups.stream().anyMatch(NamedGroup::postQuantum)) {
      // JDK 17's SSLEngine implements no post-quantum group (nor does JDK 25's).
      throw c.get("groups").error("the JDK's SSLEngine has no post-quantum group; use implementation: tlssim");
    }
    if (!tls13) {
      for (String key : TLS13_ONLY) {
        if (c.get(key).present()) {
          throw c.get(key).error(key + " is a TLS 1.3 setting; add 1.3 to versions");
        }
      }
    }
    boolean ems = c.get("extendedMasterSecret").bool(true);
    TlsClientSpec client = role == Scenario.Role.CLIENT ? TlsClientReader.read(c, pki, groups) : null;
    TlsServerSpec server = role == Scenario.Role.SERVER ? TlsServerReader.read(c, pki) : null;
    if (server != null && !tls13 && pki.certificates().get(server.certificate()).key().isMlDsa()) {
      // draft-ietf-tls-mldsa §3: the ML-DSA schemes "MUST NOT be used with TLS 1.2"; such a server
      // could complete no handshake.
      throw c.get("certificate").error("certificate '" + server.certificate() + "' has an ML-DSA key, which signs "
          + "in TLS 1.3 only (draft-ietf-tls-mldsa §3); add 1.3 to versions");
    }
    return new TlsSpec(implementation, versions, suites.tls12(), suites.tls13(), groups, ems, client, server);
  }

  private static void allowKeys(Cursor c, Scenario.Role role) {
    switch (role) {
      case SERVER -> c.allowOnly(concat(SHARED_KEYS, TlsServerReader.KEYS));
      case CLIENT -> c.allowOnly(concat(SHARED_KEYS, TlsClientReader.KEYS));
      default -> throw c.error("only clients and servers speak TLS");
    }
  }

  private static String[] concat(String[] a, String[] b) {
    String[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  /** Every version from the lowest named to the highest (default: TLS 1.2 only). */
  private static List<TlsVersion> versions(Cursor v) {
    if (!v.present()) {
      return List.of(TlsVersion.TLS12);
    }
    List<TlsVersion> named = list(v, TlsVersion::parse);
    TlsVersion min = named.stream().min(TlsVersion::compareTo).orElseThrow();
    TlsVersion max = named.stream().max(TlsVersion::compareTo).orElseThrow();
    return Arrays.stream(TlsVersion.values()).filter(x -> x.compareTo(min) >= 0 && x.compareTo(max) <= 0).toList();
  }

  /** One list names the suites of every version; each engine takes its own. */
  private static Suites suites(Cursor c, List<TlsVersion> versions) {
    if (!c.present()) {
      return new Suites(DEFAULT_SUITES, DEFAULT_TLS13_SUITES);
    }
    List<CipherSuite> older = new ArrayList<>();
    List<Tls13CipherSuite> newer = new ArrayList<>();
    for (Cursor e : c.isArray() ? c.elements() : List.of(c)) {
      String name = e.text().trim();
      var tls13Suite = Arrays.stream(Tls13CipherSuite.values()).filter(x -> x.name().equals(name)).findFirst();
      if (tls13Suite.isPresent()) {
        newer.add(tls13Suite.get());
      } else {
        older.add(e.parsed(CipherSuite::parse));
      }
    }
    if (versions.get(0).compareTo(TlsVersion.TLS12) <= 0 && older.isEmpty()) {
      throw c.error("no TLS 1.2 suite, though the versions include 1.2");
    }
    if (versions.contains(TlsVersion.TLS13) && newer.isEmpty()) {
      throw c.error("no TLS 1.3 suite (TLS_AES_128_GCM_SHA256, TLS_AES_256_GCM_SHA384, "
          + "TLS_CHACHA20_POLY1305_SHA256), though the versions include 1.3");
    }
    return new Suites(older.isEmpty() ? DEFAULT_SUITES : older, newer.isEmpty() ? DEFAULT_TLS13_SUITES : newer);
  }

  /**
   * The groups our engines implement; secp384r1 only where no TLS 1.2 handshake can pick it; the
   * post-quantum groups only with TLS 1.3, the one version they are defined for
   * (draft-ietf-tls-mlkem, draft-ietf-tls-ecdhe-mlkem). Beside TLS 1.2 they are offered in the
   * TLS 1.3 ClientHello and the TLS 1.2 engine passes them over, as it passes over any group it has
   * no ECDHE for.
   */
  private static List<NamedGroup> groups(Cursor c, List<TlsVersion> versions) {
    if (!c.present()) {
      return DEFAULT_GROUPS;
    }
    boolean tls12 = versions.get(0).compareTo(TlsVersion.TLS12) <= 0;
    boolean tls13 = versions.contains(TlsVersion.TLS13);
    List<NamedGroup> groups = list(c, NamedGroup::parse);
    for (int i = 0; i < groups.size(); i++) {
      NamedGroup g = groups.get(i);
      if (g.postQuantum()) {
        if (!tls13) {
          throw (c.isArray() ? c.elements().get(i) : c).error(g.rfcName() + " is a TLS 1.3 group (draft-ietf-tls-"
              + (g == NamedGroup.MLKEM768 ? "mlkem" : "ecdhe-mlkem") + "); add 1.3 to versions");
        }
        continue;
      }
      boolean allowed = g == NamedGroup.X25519 || g == NamedGroup.SECP256R1 || (g == NamedGroup.SECP384R1 && !tls12);
      if (!allowed) {
        throw (c.isArray() ? c.elements().get(i) : c).error(tls12
            ? "supported groups are x25519 and secp256r1 (secp384r1 too for TLS 1.3 only)"
            : "supported groups are x25519, secp256r1, secp384r1, X25519MLKEM768, SecP256r1MLKEM768 and MLKEM768");
      }
    }
    if (tls12 && groups.stream().allMatch(NamedGroup::postQuantum)) {
      throw c.error("TLS 1.2 has no post-quantum group: with 1.2 in versions, add x25519 or secp256r1");
    }
    return groups;
  }

  /** {@code off} (which YAML 1.1 also reads as false) or {@code false}. */
  static boolean isOff(Cursor c) {
    return c.isScalar() && (c.text().equals("off") || c.text().equals("false"));
  }

  /** A list, or a single value standing for a list of one; never empty. */
  static <T> List<T> list(Cursor c, Function<String, T> parser) {
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
