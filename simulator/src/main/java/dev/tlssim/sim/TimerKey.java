package dev.tlssim.sim;

/**
 * The identity of a timer a node sets: the kernel keeps one live timer per (node, key) and hands
 * the key back when it fires, without looking inside. Keys are values (records) that name their
 * owner directly (a TCP connection and which of its timers, a piece of CPU work), so a node routes a
 * fired timer by type, never by parsing a name.
 */
public interface TimerKey {}
