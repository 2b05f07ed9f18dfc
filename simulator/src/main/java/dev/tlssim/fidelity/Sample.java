package dev.tlssim.fidelity;

import java.math.BigDecimal;

/**
 * One handshake, measured or simulated, as the summary needs it: its condition, its mode, its time
 * from the start of connect to the client's completion (ms; null when a simulated handshake never
 * completed) and its drop class.
 */
public record Sample(RunGroup group, int rttMs, int lossPct, String mode, BigDecimal hsMs, DropClass dropClass) {}
