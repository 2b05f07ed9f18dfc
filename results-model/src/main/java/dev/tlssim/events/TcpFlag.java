package dev.tlssim.events;

/** The TCP header flags the model uses (RFC 9293 §3.1), written by their names. */
public enum TcpFlag {
  SYN, FIN, RST, PSH, ACK
}
