package dev.tlssim.tls.v12;

import dev.tlssim.tls.AlertDescription;
import dev.tlssim.tls.CipherSuite;
import dev.tlssim.tls.TlsAlertException;
import dev.tlssim.tls.core.EventQueue;
import dev.tlssim.tls.crypto.ConnectionEnd;
import dev.tlssim.tls.crypto.FinishedVerifyData;
import dev.tlssim.tls.crypto.KeyBlock;
import dev.tlssim.tls.crypto.MasterSecret;
import dev.tlssim.tls.crypto.TranscriptHash;
import java.util.Locale;

/**
 * Every PRF use of a TLS 1.2 handshake: the master secret (RFC 5246 §8.1, or the extended master
 * secret of RFC 7627 §4), the key block (§6.3) and the Finished verify_data (§7.4.9), computed for
 * our own Finished and checked for the peer's. Each PRF run is reported as a crypto operation.
 *
 * <p>A full handshake derives the master secret from the premaster secret; an abbreviated one
 * (§7.3) starts from the master secret of the resumed {@link SessionParameters}. After that first
 * step both are the same, so the master secret is all this class keeps.
 */
final class KeySchedule {
  private final CipherSuite suite;
  private final byte[] masterSecret;
  private final EventQueue events;

  private KeySchedule(CipherSuite suite, byte[] masterSecret, EventQueue events) {
    this.suite = suite;
    this.masterSecret = masterSecret;
    this.events = events;
  }

  /**
   * RFC 5246 §8.1 master_secret = PRF(pre_master_secret, "master secret", ClientHello.random +
   * ServerHello.random), or with the extended master secret RFC 7627 §4 PRF(pre_master_secret,
   * "extended master secret", session_hash), session_hash being the transcript through
   * ClientKeyExchange.
   */
  static KeySchedule fromPreMasterSecret(CipherSuite suite, byte[] preMasterSecret,
      boolean extendedMasterSecret, TranscriptHash transcript, byte[] clientRandom,
      byte[] serverRandom, EventQueue events) {
    MasterSecret ms = extendedMasterSecret
        ? MasterSecret.deriveExtended(
            suite.prfHash(), preMasterSecret, transcript.hash(suite.prfHash()))
        : MasterSecret.derive(suite.prfHash(), preMasterSecret, clientRandom, serverRandom);
    events.cryptoOperation("prf.master-secret");
    return new KeySchedule(suite, ms.secret(), events);
  }

  /**
   * An abbreviated handshake (RFC 5246 §7.3) takes the master secret of the resumed session as it
   * is; the new randoms then give a new key block (§8.1: the master secret is used "with the
   * server and client random values" of the current connection). No PRF run happens here.
   */
  static KeySchedule fromMasterSecret(CipherSuite suite, byte[] masterSecret, EventQueue events) {
    return new KeySchedule(suite, masterSecret.clone(), events);
  }

  byte[] masterSecret() {
    return masterSecret.clone();
  }

  /** RFC 5246 §6.3: the MAC keys, encryption keys and IVs of both directions. */
  KeyBlock keyBlock(byte[] clientRandom, byte[] serverRandom) {
    KeyBlock keys = KeyBlock.derive(suite, masterSecret, clientRandom, serverRandom);
    events.cryptoOperation("prf.key-block");
    return keys;
  }

  /**
   * RFC 5246 §7.4.9: verify_data = PRF(master_secret, finished_label, Hash(handshake_messages))
   * for the Finished that {@code sender} sends, over every handshake message before it.
   */
  byte[] finishedVerifyData(ConnectionEnd sender, TranscriptHash transcript) {
    byte[] verifyData = FinishedVerifyData.compute(
        suite.prfHash(), masterSecret, sender, transcript.hash(suite.prfHash()));
    events.cryptoOperation("prf.finished");
    return verifyData;
  }

  /** RFC 5246 §7.4.9: the peer's Finished must carry exactly the verify_data we compute. */
  void checkPeerFinished(ConnectionEnd peer, TranscriptHash transcript, byte[] received)
      throws TlsAlertException {
    byte[] expected = finishedVerifyData(peer, transcript);
    if (!FinishedVerifyData.matches(expected, received)) {
      throw new TlsAlertException(AlertDescription.DECRYPT_ERROR,
          peer.name().toLowerCase(Locale.ROOT)
              + " finished: verify_data does not match the transcript (RFC 5246 §7.4.9)");
    }
  }
}
