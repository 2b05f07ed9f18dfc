package dev.tlssim.events;

/**
 * Modelled CPU work at a node: the operations of the cost profile it charged ({@code op}, comma
 * separated in charge order), their cost in nanoseconds, and when the work completes (it may have
 * queued behind other work). {@code flow} names the connection the work was for, when there is one.
 */
public record CpuWork(Flow flow, String op, long cost, long done) implements RunEvent {}
