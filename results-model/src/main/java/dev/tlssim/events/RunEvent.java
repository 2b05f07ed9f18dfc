package dev.tlssim.events;

/**
 * One thing a run reports: a packet sent or lost, a TCP state change, a TLS message or check, CPU
 * work, what an attacker read. Protocol code emits these; the run's summaries, the trace writer and
 * the report consume them, and {@code trace.jsonl} is their serialisation ({@link TraceJson}).
 * Where an event happened and when is not part of it: the kernel knows both ({@link TraceRecord}).
 */
public sealed interface RunEvent
    permits PacketEvent, TcpEvent, ConnectionEvent, AppEvent, CpuWork, TlsChannelEvent, CaEvent, EnrollEvent,
        RevocationEvent, MitmEvent {

  /** The event's kind, as trace.jsonl names it. */
  default Kind kind() {
    return Kind.of(this);
  }
}
