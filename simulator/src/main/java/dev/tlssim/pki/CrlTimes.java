package dev.tlssim.pki;

import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import org.bouncycastle.cert.X509CRLHolder;

/**
 * A CRL's thisUpdate and nextUpdate (RFC 5280 §5.1.2.4-5), decoded once per CRL. BouncyCastle
 * parses the ASN.1 time with a new SimpleDateFormat on every call, which cost a client more than
 * verifying the CRL's signature; a run's clients check the same few CRLs on every handshake.
 *
 * @param nextUpdate null when the CRL has none (RFC 5280 requires it; a client treats its absence as stale)
 */
record CrlTimes(Instant thisUpdate, Instant nextUpdate) {
  private static final Map<X509CRLHolder, CrlTimes> KNOWN = Collections.synchronizedMap(new WeakHashMap<>());

  static CrlTimes of(X509CRLHolder crl) {
    return KNOWN.computeIfAbsent(crl, c -> new CrlTimes(c.getThisUpdate().toInstant(),
        c.getNextUpdate() == null ? null : c.getNextUpdate().toInstant()));
  }
}
