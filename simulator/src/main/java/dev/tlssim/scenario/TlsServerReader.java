package dev.tlssim.scenario;

import dev.tlssim.tls.v13.GroupSelection;

/** Reads a server's own {@code tls:} settings and checks its certificate against the PKI. */
final class TlsServerReader {
  static final String[] KEYS = {"certificate", "sessionCache", "tickets", "staple", "earlyData",
      "maxFragmentLength", "groupSelection"};

  private static final long HOUR = 3_600_000_000_000L;

  private TlsServerReader() {}

  static TlsServerSpec read(Cursor c, PkiSpec pki) {
    Cursor cert = c.get("certificate").require();
    String certificate = cert.text();
    if (!pki.certificates().containsKey(certificate)) {
      throw cert.error("no certificate '" + certificate + "' under pki.certificates");
    }
    return new TlsServerSpec(certificate, cache(c.get("sessionCache")), tickets(c.get("tickets")),
        c.get("staple").bool(false), earlyData(c.get("earlyData")),
        c.get("maxFragmentLength").parsed(MaxFragmentLengthPolicy::parse, MaxFragmentLengthPolicy.ACCEPT),
        c.get("groupSelection").parsed(GroupSelection::parse, GroupSelection.SHARES));
  }

  /** {@code off}, or {capacity, lifetime, shared}; by default a cache of the server's own. */
  private static TlsServerSpec.CacheSpec cache(Cursor c) {
    if (TlsReader.isOff(c)) {
      return null;
    }
    c.allowOnly("capacity", "lifetime", "shared");
    return new TlsServerSpec.CacheSpec((int) c.get("capacity").integer(1, 10_000_000, 20_480),
        c.get("lifetime").parsed(Units::durationNanos, 24 * HOUR), c.get("shared").text(null));
  }

  /** {@code off}, or {rotation, grace, lifetime, keys}; by default tickets with the server's own keys. */
  private static TlsServerSpec.TicketSpec tickets(Cursor c) {
    if (TlsReader.isOff(c)) {
      return null;
    }
    c.allowOnly("rotation", "grace", "lifetime", "keys");
    return new TlsServerSpec.TicketSpec(c.get("rotation").parsed(Units::durationNanos, 12 * HOUR),
        c.get("grace").parsed(Units::durationNanos, 12 * HOUR),
        c.get("lifetime").parsed(Units::durationNanos, 24 * HOUR), c.get("keys").text(null));
  }

  /**
   * Off by default ({@code off} or {@code false}); {@code true} for the defaults; or
   * {maxSize, antiReplay, window}: 0-RTT allowed with the server's tickets up to maxSize bytes,
   * replays refused by none, single-use or window (RFC 8446 §8).
   */
  private static EarlyData earlyData(Cursor c) {
    if (!c.present() || TlsReader.isOff(c)) {
      return EarlyData.OFF;
    }
    if (c.isScalar()) {
      return c.bool(false) ? EarlyData.DEFAULTS : EarlyData.OFF;
    }
    c.allowOnly("maxSize", "antiReplay", "window");
    return new EarlyData(true, c.get("maxSize").parsed(Units::bytes, EarlyData.DEFAULT_MAX_SIZE),
        c.get("antiReplay").parsed(AntiReplay::parse, AntiReplay.SINGLE_USE),
        c.get("window").parsed(Units::durationNanos, EarlyData.DEFAULT_WINDOW_NANOS));
  }
}
