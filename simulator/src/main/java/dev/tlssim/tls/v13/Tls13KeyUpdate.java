package dev.tlssim.tls.v13;

import dev.tlssim.tls.ContentType;
import dev.tlssim.tls.Tls13CipherSuite;
import dev.tlssim.tls.TlsAlertException;
import dev.tlssim.tls.core.EventQueue;
import dev.tlssim.tls.core.TlsEvent;
import dev.tlssim.tls.crypto.ConnectionEnd;
import dev.tlssim.tls.crypto.Tls13KeySchedule;
import dev.tlssim.tls.crypto.Tls13TrafficKeys;
import dev.tlssim.tls.wire.HandshakeMessageName;
import dev.tlssim.tls.wire.HandshakeFrame;
import dev.tlssim.tls.wire.KeyUpdate;

/**
 * Post-handshake key updates of one endpoint (RFC 8446 §4.6.3, §7.2). Each direction has its own
 * generation of application traffic secret, starting at application_traffic_secret_0 from the
 * handshake; a KeyUpdate moves the sender's direction one generation on:
 * application_traffic_secret_N+1 = HKDF-Expand-Label(application_traffic_secret_N, "traffic upd",
 * "", Hash.length), from which the record keys follow as in §7.3.
 *
 * <p>KeyUpdate is a post-handshake message: it is not part of the handshake transcript (§4.4.1
 * covers the handshake only), so it goes straight to the record layer, not through
 * {@link Tls13HandshakeChannel}.
 */
final class Tls13KeyUpdate {
  private final Tls13CipherSuite suite;
  private final Tls13RecordLayer records;
  private final EventQueue events;
  private byte[] writeSecret;
  private byte[] readSecret;
  /**
   * Whether the peer asked for an update (update_requested) that we have not answered yet. One
   * answer covers any number of requests received meanwhile (§4.6.3: an implementation "which
   * receives multiple KeyUpdates while it is silent [responds] with a single update").
   */
  private boolean answerOwed;

  Tls13KeyUpdate(ConnectionEnd side, HandshakeTrafficSecrets.ApplicationTrafficKeys secrets,
      Tls13RecordLayer records, EventQueue events) {
    this.suite = secrets.suite();
    this.records = records;
    this.events = events;
    boolean client = side == ConnectionEnd.CLIENT;
    this.writeSecret = client ? secrets.clientSecret() : secrets.serverSecret();
    this.readSecret = client ? secrets.serverSecret() : secrets.clientSecret();
  }

  /**
   * Our own update, asking the peer to update too if {@code requestPeerUpdate}. An answer still
   * owed goes first with update_not_requested, as §4.6.3 requires of it, so a request to the
   * peer never stands in for the answer.
   */
  void update(boolean requestPeerUpdate) {
    if (answerOwed || !requestPeerUpdate) {
      send(KeyUpdate.Request.UPDATE_NOT_REQUESTED);
    }
    if (requestPeerUpdate) {
      send(KeyUpdate.Request.UPDATE_REQUESTED);
    }
  }

  /**
   * RFC 8446 §4.6.3: "If the request_update field is set to "update_requested", then the receiver
   * MUST send a KeyUpdate of its own with request_update set to "update_not_requested" prior to
   * sending its next Application Data record."
   */
  void beforeApplicationData() {
    if (answerOwed) {
      send(KeyUpdate.Request.UPDATE_NOT_REQUESTED);
    }
  }

  /**
   * The peer's KeyUpdate: from the next record on, its data comes under the next generation of
   * its secret (§4.6.3: the receiver "MUST update its receiving keys"). A request_update other
   * than 0 or 1 is an illegal_parameter ({@link KeyUpdate#decode}).
   */
  void onKeyUpdate(HandshakeFrame frame) throws TlsAlertException {
    KeyUpdate keyUpdate = KeyUpdate.decode(frame.body());
    readSecret = Tls13KeySchedule.nextApplicationTrafficSecret(suite, readSecret);
    records.readWith(Tls13TrafficKeys.derive(suite, readSecret));
    if (keyUpdate.requestUpdate() == KeyUpdate.Request.UPDATE_REQUESTED) {
      answerOwed = true;
    }
  }

  /**
   * §4.6.3: the KeyUpdate goes under the current keys; "after sending a KeyUpdate message, the
   * sender SHALL send all its traffic using the next generation of keys".
   */
  private void send(KeyUpdate.Request request) {
    KeyUpdate keyUpdate = new KeyUpdate(request);
    byte[] encoded = keyUpdate.encode();
    String name = HandshakeMessageName.of(keyUpdate);
    records.send(ContentType.HANDSHAKE, encoded, name);
    events.add(new TlsEvent.MessageSent(name, encoded.length, encoded));
    writeSecret = Tls13KeySchedule.nextApplicationTrafficSecret(suite, writeSecret);
    records.writeWith(Tls13TrafficKeys.derive(suite, writeSecret));
    answerOwed = false;
  }
}
