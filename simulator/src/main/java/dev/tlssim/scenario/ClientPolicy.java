package dev.tlssim.scenario;

import dev.tlssim.pki.RevocationMode;
import java.util.Locale;

/**
 * Named client verification policies: each is a set of the individual check switches, so a
 * scenario can show what skipping one allows.
 *
 * <ul>
 *   <li>{@code strict} (the default): every check, revocation hard-fail;
 *   <li>{@code browser-like}: revocation soft-fail (an unreachable CRL/OCSP does not block);
 *   <li>{@code no-hostname-check}: the certificate may be for any name;
 *   <li>{@code trust-extra-root}: the user installed another root (extraTrust), e.g. the attacker's;
 *   <li>{@code no-revocation}: revocation is not checked;
 *   <li>{@code accept-any}: verification disabled.
 * </ul>
 */
public enum ClientPolicy {
  STRICT(true, RevocationMode.HARD_FAIL, false),
  BROWSER_LIKE(true, RevocationMode.SOFT_FAIL, false),
  NO_HOSTNAME_CHECK(false, RevocationMode.HARD_FAIL, false),
  TRUST_EXTRA_ROOT(true, RevocationMode.HARD_FAIL, false),
  NO_REVOCATION(true, RevocationMode.OFF, false),
  ACCEPT_ANY(true, RevocationMode.OFF, true);

  private final boolean checkHostname;
  private final RevocationMode revocation;
  private final boolean acceptAny;

  ClientPolicy(boolean checkHostname, RevocationMode revocation, boolean acceptAny) {
    this.checkHostname = checkHostname;
    this.revocation = revocation;
    this.acceptAny = acceptAny;
  }

  public boolean checkHostname() {
    return checkHostname;
  }

  public RevocationMode revocation() {
    return revocation;
  }

  public boolean acceptAny() {
    return acceptAny;
  }

  /** The scenario spelling ("no-hostname-check"). */
  public String key() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  public static ClientPolicy parse(String text) {
    for (ClientPolicy p : values()) {
      if (p.key().equals(text.trim())) {
        return p;
      }
    }
    throw new IllegalArgumentException("unknown policy '" + text + "' (use strict, browser-like, no-hostname-check, "
        + "trust-extra-root, no-revocation or accept-any)");
  }
}
