package dev.tlssim.events;

/** One line of trace.jsonl: an event, the node it happened at, and its virtual time in nanoseconds. */
public record TraceRecord(long timeNanos, String node, RunEvent event) {}
