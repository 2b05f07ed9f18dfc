package dev.tlssim.pki;

import java.net.IDN;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Does a name presented in a certificate identify the host the client wanted to reach? The rules
 * of RFC 6125 §6.4, restricted to what today's browsers accept:
 *
 * <ul>
 *   <li>Comparison is case-insensitive (§6.4.1: DNS names compare like DNS labels, RFC 4343), after
 *       converting internationalised names to A-labels (§6.4.2) and dropping a trailing dot.
 *   <li>A wildcard is accepted only as the entire left-most label, {@code *.example.com}, and
 *       stands for exactly one non-empty label (§6.4.3 rules 1 and 2): it matches {@code
 *       a.example.com}, but neither {@code example.com} nor {@code a.b.example.com}.
 *   <li>Partial-label wildcards such as {@code w*.example.com} are refused: §6.4.3 only says a
 *       client "MAY" accept them, and §7.2 lists the confusion they cause.
 *   <li>A wildcard needs at least two labels after it: {@code *.com} would vouch for a whole
 *       top-level domain (§7.2).
 *   <li>An IP address never matches a dNSName: IP addresses are compared with iPAddress entries,
 *       which RFC 6125 leaves out of scope (§1.7.2).
 * </ul>
 */
public final class HostnameMatcher {
  private HostnameMatcher() {}

  /** The first presented identifier that matches the reference host, if any. */
  public static Optional<String> firstMatch(List<String> presented, String referenceHost) {
    return presented.stream().filter(p -> matches(p, referenceHost)).findFirst();
  }

  /** Whether one presented identifier (a SAN dNSName, or a legacy CN) matches the host. */
  public static boolean matches(String presented, String referenceHost) {
    Optional<String> reference = normalizeReference(referenceHost);
    if (presented == null || reference.isEmpty()) {
      return false;
    }
    String host = reference.get();
    String pattern = stripTrailingDot(presented.toLowerCase(Locale.ROOT));
    if (pattern.isEmpty()) {
      return false;
    }
    if (pattern.indexOf('*') < 0) {
      return pattern.equals(host);
    }
    if (!pattern.startsWith("*.") || pattern.indexOf('*', 1) >= 0) {
      return false;
    }
    String parent = pattern.substring(2);
    if (parent.indexOf('.') < 0) {
      return false;
    }
    int firstDot = host.indexOf('.');
    return firstDot > 0 && host.substring(firstDot + 1).equals(parent);
  }

  private static Optional<String> normalizeReference(String referenceHost) {
    if (referenceHost == null || referenceHost.isEmpty() || isIpLiteral(referenceHost)) {
      return Optional.empty();
    }
    try {
      String ascii = IDN.toASCII(stripTrailingDot(referenceHost), IDN.USE_STD3_ASCII_RULES);
      return ascii.isEmpty() ? Optional.empty() : Optional.of(ascii.toLowerCase(Locale.ROOT));
    } catch (IllegalArgumentException notAHostName) {
      return Optional.empty();
    }
  }

  private static boolean isIpLiteral(String host) {
    return host.indexOf(':') >= 0 || host.matches("[0-9.]+");
  }

  private static String stripTrailingDot(String name) {
    return name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
  }
}
