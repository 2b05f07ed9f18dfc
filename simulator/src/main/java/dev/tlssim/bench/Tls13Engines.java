package dev.tlssim.bench;

import dev.tlssim.pki.CertificateVerifier;
import dev.tlssim.pki.VerificationPolicy;
import dev.tlssim.pki.KeyPurpose;
import dev.tlssim.scenario.PkiSpec;
import dev.tlssim.scenario.Provisioning;
import dev.tlssim.tls.NamedGroup;
import dev.tlssim.tls.Tls13CipherSuite;
import dev.tlssim.tls.core.TlsEndpoint;
import dev.tlssim.tls.v13.Tls13;
import dev.tlssim.tls.v13.Tls13ClientConfig;
import dev.tlssim.tls.v13.Tls13ClientSessionStore;
import dev.tlssim.tls.v13.Tls13Parameters;
import dev.tlssim.tls.v13.Tls13ServerConfig;
import dev.tlssim.tls.v13.Tls13TicketPolicy;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Our TLS 1.3 client and server ({@link TlsEndpoint}, sans I/O) configured like the JDK's in
 * {@link JdkEngines}: the same certificate chain and key, one suite, one group, SNI and a strict
 * certificate check; a handshake hands each side's output to the other in memory, as
 * {@link InMemoryHandshake} does for the JDK. The engine-only cases measure these alone: no
 * network, TCP, actors or tracing, unlike the simulated cases (TLS 1.3 ones included).
 *
 * <p>The server issues one ticket per handshake, as the JDK's does, and the client reads it: the
 * two sides then do the same work in a full handshake too.
 */
final class Tls13Engines {
  static final Tls13CipherSuite SUITE = Tls13CipherSuite.TLS_AES_128_GCM_SHA256;
  static final NamedGroup GROUP = NamedGroup.X25519;
  /** A TLS 1.3 handshake, resumed or not, is done in three flights; more means the ends are stuck. */
  private static final int MAX_FLIGHTS = 20;

  private final Tls13ClientConfig client;
  private final Tls13ServerConfig server;
  /** Both ends' clock: the PKI's epoch, so certificates and tickets are judged the same in every run. */
  private final Instant now;

  Tls13Engines(Provisioning.Result pki, String certificate, String anchor) {
    Provisioning.Issued issued = pki.certificates().get(certificate);
    this.client = Tls13ClientConfig.defaults(BenchScenarios.SERVER_NAME,
            new CertificateVerifier(VerificationPolicy.strict(pki.anchor(anchor))))
        .withCipherSuites(List.of(SUITE)).withGroups(List.of(GROUP));
    this.server = Tls13ServerConfig.defaults(issued.chain(), issued.keyPair().getPrivate())
        .withCipherSuites(List.of(SUITE)).withGroups(List.of(GROUP))
        .withTickets(Tls13TicketPolicy.of(ticketKey()));
    this.now = pki.epoch();
  }

  /**
   * The PKI of the TLS 1.3 cases: as the TLS 1.2 scenarios' (an RSA-2048 root issuing the server's
   * certificate for {@link BenchScenarios#SERVER_NAME}, same validity, same seed), with a server key
   * of {@code keyType} ("rsa2048", "ecdsa-p256").
   */
  static Provisioning.Result pki(String keyType) {
    long day = 86_400_000_000_000L;
    PkiSpec spec = new PkiSpec(PkiSpec.DEFAULT_EPOCH,
        Map.of("root", new PkiSpec.Authority("root", "tlssim root", PkiSpec.KeyType.RSA2048, null, -365 * day,
            3650 * day, null)),
        Map.of("server", new PkiSpec.Certificate("server", new PkiSpec.Issuer.ByAuthority("root"), PkiSpec.KeyType.parse(keyType),
            List.of(BenchScenarios.SERVER_NAME), -30 * day, 365 * day, Set.of(KeyPurpose.SERVER_AUTH), false, false)));
    return Provisioning.provision(spec, BenchScenarios.SEED);
  }

  /**
   * A SecureRandom replaying {@code seed}: one per handshake loop, so that a loop's handshakes are
   * the same bytes in every run, as the scenario seed makes the TLS 1.2 cases'.
   */
  static SecureRandom seeded(long seed) {
    try {
      SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
      random.setSeed(seed);
      return random;
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * One handshake; {@code store} gives the client a ticket to offer, if it holds one, and keeps the
   * one the server sends. Throws unless both ends are established and agree on what they
   * negotiated: the bench must not time handshakes that failed.
   */
  Tls13Parameters handshake(SecureRandom random, Tls13ClientSessionStore store) {
    TlsEndpoint c = Tls13.client(client, random, now, store);
    TlsEndpoint s = Tls13.server(server, random, now);
    c.start();
    for (int flight = 0; flight < MAX_FLIGHTS; flight++) {
      byte[] toServer = c.drainOutput();
      s.receive(toServer);
      byte[] toClient = s.drainOutput();
      c.receive(toClient);
      if (toServer.length == 0 && toClient.length == 0) {
        if (!c.established() || !s.established()) {
          throw new IllegalStateException("our TLS 1.3 handshake failed: client " + outcome(c) + ", server "
              + outcome(s));
        }
        Tls13Parameters negotiated = Tls13.parameters(c).orElseThrow();
        if (!negotiated.equals(Tls13.parameters(s).orElseThrow())) {
          throw new IllegalStateException("our TLS 1.3 client negotiated " + negotiated + ", the server "
              + Tls13.parameters(s).orElseThrow());
        }
        return negotiated;
      }
    }
    throw new IllegalStateException("our TLS 1.3 endpoints kept talking for " + MAX_FLIGHTS + " flights");
  }

  private static String outcome(TlsEndpoint e) {
    return (e.closed() ? "closed " : "open ") + e.drainEvents();
  }

  /** Fixed, so that tickets are the same bytes in every run. */
  private static byte[] ticketKey() {
    byte[] key = new byte[16];
    seeded(BenchScenarios.SEED).nextBytes(key);
    return key;
  }
}
