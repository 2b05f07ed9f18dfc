package dev.tlssim.events;

/** What a man in the middle did and saw. {@code flow} is the victim's connection (client to server). */
public sealed interface MitmEvent extends RunEvent {

  /** The attacker took over the client's connection attempt, answering in the server's name. */
  record Intercepted(Flow flow) implements MitmEvent {}

  record Accepted(Flow flow) implements MitmEvent {}

  /** Plaintext application bytes the attacker read: relayed, or decrypted later ({@code how}). */
  record Read(Flow flow, Toward dir, int bytes, String preview, String how) implements MitmEvent {}

  /** An edit the attacker will make once the message it touches passes ({@code action}: flip, rewrite-client-hello). */
  record Planned(Flow flow, String action, String message, Integer offset, Long at) implements MitmEvent {}

  /** The attacker changed a forwarded segment's payload. */
  record Tampered(Flow flow, long seq, int len) implements MitmEvent {}

  /** The attacker obtained the private key of node {@code from}. */
  record Stole(String from) implements MitmEvent {}

  /** Recorded traffic could not be decrypted with the stolen key; flow null when none could. */
  record DecryptFailed(Flow flow, String reason) implements MitmEvent {}

  /** The client refused the attacker's connection. */
  record Refused(Flow flow, String reason) implements MitmEvent {}

  /** The attacker replays the recorded client stream of {@code flow} ({@code outcome} when it cannot). */
  record Replayed(Flow flow, Integer bytes, String outcome) implements MitmEvent {}

  /** The replay's own connection ({@code flow}) opened; {@code victim} is the connection replayed. */
  record ReplayStarted(Flow flow, Flow victim) implements MitmEvent {}

  record ReplayResult(Flow flow, String outcome, boolean accepted) implements MitmEvent {}

  /** The attacker's own connection to the real server failed. */
  record UpstreamFailed(Flow flow, String reason) implements MitmEvent {}

  /** Which way the bytes a man in the middle read were going. */
  enum Toward implements WireName {
    SERVER("to-server"), CLIENT("to-client");

    private final String wire;

    Toward(String wire) {
      this.wire = wire;
    }

    @Override
    public String wireName() {
      return wire;
    }
  }
}
