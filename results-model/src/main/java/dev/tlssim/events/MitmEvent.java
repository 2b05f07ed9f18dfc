package dev.tlssim.events;

/** What a man in the middle did and saw. {@code flow} is the victim's connection (client to server). */
public sealed interface MitmEvent extends RunEvent {

  /** The attacker took over the client's connection attempt, answering in the server's name. */
  record Intercepted(Flow flow) implements MitmEvent {
    @Override
    public Kind kind() {
      return Kind.MITM_INTERCEPT;
    }
  }

  record Accepted(Flow flow) implements MitmEvent {
    @Override
    public Kind kind() {
      return Kind.MITM_ACCEPTED;
    }
  }

  /** Plaintext application bytes the attacker read: relayed, or decrypted later ({@code how}). */
  record Read(Flow flow, Toward dir, int bytes, String preview, String how) implements MitmEvent {
    @Override
    public Kind kind() {
      return Kind.MITM_READ;
    }
  }

  /** An edit the attacker will make once the message it touches passes ({@code action}: flip, rewrite-client-hello). */
  record Planned(Flow flow, String action, String message, Integer offset, Long at) implements MitmEvent {
    @Override
    public Kind kind() {
      return Kind.MITM_PLAN;
    }
  }

  /** The attacker changed a forwarded segment's payload. */
  record Tampered(Flow flow, long seq, int len) implements MitmEvent {
    @Override
    public Kind kind() {
      return Kind.MITM_TAMPER;
    }
  }

  /** The attacker obtained the private key of node {@code from}. */
  record Stole(String from) implements MitmEvent {
    @Override
    public Kind kind() {
      return Kind.MITM_STEAL;
    }
  }

  /** Recorded traffic could not be decrypted with the stolen key; flow null when none could. */
  record DecryptFailed(Flow flow, String reason) implements MitmEvent {
    @Override
    public Kind kind() {
      return Kind.MITM_DECRYPT_FAILED;
    }
  }

  /** The client refused the attacker's connection. */
  record Refused(Flow flow, String reason) implements MitmEvent {
    @Override
    public Kind kind() {
      return Kind.MITM_REFUSED;
    }
  }

  /** The attacker replays the recorded client stream of {@code flow} ({@code outcome} when it cannot). */
  record Replayed(Flow flow, Integer bytes, String outcome) implements MitmEvent {
    @Override
    public Kind kind() {
      return Kind.MITM_REPLAY;
    }
  }

  /** The replay's own connection ({@code flow}) opened; {@code victim} is the connection replayed. */
  record ReplayStarted(Flow flow, Flow victim) implements MitmEvent {
    @Override
    public Kind kind() {
      return Kind.MITM_REPLAY_START;
    }
  }

  record ReplayResult(Flow flow, String outcome, boolean accepted) implements MitmEvent {
    @Override
    public Kind kind() {
      return Kind.MITM_REPLAY_RESULT;
    }
  }

  /** The attacker's own connection to the real server failed. */
  record UpstreamFailed(Flow flow, String reason) implements MitmEvent {
    @Override
    public Kind kind() {
      return Kind.MITM_UPSTREAM_FAILED;
    }
  }

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
