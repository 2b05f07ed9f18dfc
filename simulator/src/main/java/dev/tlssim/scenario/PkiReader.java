package dev.tlssim.scenario;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import dev.tlssim.pki.KeyPurpose;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads the {@code pki:} section: epoch, authorities, certificates. */
final class PkiReader {
  /** The issuer name that makes a certificate self-signed. */
  private static final String SELF = "self";

  private static final long DAY = 86_400_000_000_000L;

  private PkiReader() {}

  static PkiSpec read(Cursor c) {
    if (!c.present()) {
      return PkiSpec.NONE;
    }
    c.allowOnly("epoch", "authorities", "certificates");
    Instant epoch = c.get("epoch").parsed(PkiReader::instant, PkiSpec.DEFAULT_EPOCH);
    Map<String, PkiSpec.Authority> authorities = new LinkedHashMap<>();
    Cursor as = c.get("authorities");
    if (as.present()) {
      for (var e : as.entries().entrySet()) {
        Cursor a = e.getValue().allowOnly("subject", "key", "issuer", "notBefore", "notAfter", "pathLen");
        String issuer = a.get("issuer").text(null);
        if (issuer != null && !authorities.containsKey(issuer)) {
          throw a.get("issuer").error("unknown authority '" + issuer + "' (an issuer is declared before what it issues)");
        }
        authorities.put(e.getKey(), new PkiSpec.Authority(e.getKey(), a.get("subject").text("tlssim " + e.getKey()),
            a.get("key").parsed(PkiSpec.KeyType::parse, PkiSpec.KeyType.RSA2048), issuer,
            a.get("notBefore").parsed(Units::offsetNanos, -365 * DAY),
            a.get("notAfter").parsed(Units::offsetNanos, 3650 * DAY),
            a.get("pathLen").present() ? (int) a.get("pathLen").integer(0, 100) : null));
      }
    }
    Map<String, PkiSpec.Certificate> certificates = new LinkedHashMap<>();
    Cursor cs = c.get("certificates");
    if (cs.present()) {
      for (var e : cs.entries().entrySet()) {
        Cursor x = e.getValue().allowOnly("issuer", "key", "names", "notBefore", "notAfter", "extendedKeyUsage",
            "revoked", "corruptSignature");
        String issuerName = x.get("issuer").require().text();
        PkiSpec.Issuer issuer;
        if (issuerName.equals(SELF)) {
          issuer = new PkiSpec.Issuer.SelfSigned();
        } else if (authorities.containsKey(issuerName)) {
          issuer = new PkiSpec.Issuer.ByAuthority(issuerName);
        } else if (certificates.containsKey(issuerName)) {
          issuer = new PkiSpec.Issuer.ByCertificate(issuerName);
        } else {
          throw x.get("issuer").error("unknown issuer '" + issuerName + "' (authorities: "
              + String.join(", ", authorities.keySet()) + "; or self for a self-signed certificate)");
        }
        List<String> names = new ArrayList<>();
        for (Cursor n : x.get("names").require().elements()) {
          names.add(n.text());
        }
        if (names.isEmpty()) {
          throw x.get("names").error("a server certificate names at least one host");
        }
        Set<KeyPurpose> eku = EnumSet.noneOf(KeyPurpose.class);
        Cursor ek = x.get("extendedKeyUsage");
        if (ek.present()) {
          for (Cursor n : ek.elements()) {
            eku.add(switch (n.text()) {
              case "serverAuth" -> KeyPurpose.SERVER_AUTH;
              case "clientAuth" -> KeyPurpose.CLIENT_AUTH;
              default -> throw n.error("unknown extended key usage '" + n.text() + "' (use serverAuth or clientAuth)");
            });
          }
        } else {
          eku.add(KeyPurpose.SERVER_AUTH);
        }
        certificates.put(e.getKey(), new PkiSpec.Certificate(e.getKey(), issuer,
            x.get("key").parsed(PkiSpec.KeyType::parse, PkiSpec.KeyType.RSA2048), names,
            x.get("notBefore").parsed(Units::offsetNanos, -30 * DAY),
            x.get("notAfter").parsed(Units::offsetNanos, 365 * DAY),
            eku, x.get("revoked").bool(false), x.get("corruptSignature").bool(false)));
      }
    }
    return new PkiSpec(epoch, authorities, certificates);
  }

  private static Instant instant(String text) {
    try {
      return Instant.parse(text.trim());
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("'" + text + "' is not an instant such as 2026-01-01T00:00:00Z");
    }
  }
}
