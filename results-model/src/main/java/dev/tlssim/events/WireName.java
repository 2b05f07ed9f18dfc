package dev.tlssim.events;

import com.fasterxml.jackson.annotation.JsonValue;

/** An enum constant as trace.jsonl writes it ("partial-ack", "sent"). */
public interface WireName {
  @JsonValue
  String wireName();
}
