package dev.tlssim.fidelity;

/**
 * What a connection lost inside its handshake window, the measured side's {@code drop_class}
 * (scenarios/fidelity/measured/README.md, "Definitions"): the worst kind of packet dropped at least
 * once, in this order of precedence.
 */
public enum DropClass {
  /** A SYN or SYN-ACK was dropped (whatever else was). */
  SYN("syn"),
  /** No SYN or SYN-ACK lost, at least one segment with payload (either direction). */
  DATA("data"),
  /** Only pure ACKs (no payload, no SYN, FIN or RST) were lost. */
  ACK("ack"),
  /** Nothing was lost in the window. */
  NONE("none");

  private final String label;

  DropClass(String label) {
    this.label = label;
  }

  /** The name the CSV files use. */
  public String label() {
    return label;
  }

  /** The class a CSV names; an unknown name is an {@link IllegalArgumentException}. */
  public static DropClass parse(String text) {
    for (DropClass c : values()) {
      if (c.label.equals(text)) {
        return c;
      }
    }
    throw new IllegalArgumentException("unknown drop class '" + text + "' (use none, syn, data or ack)");
  }

  /** The classes in the measured summary's row order: none, syn, data, ack. */
  public static DropClass[] summaryOrder() {
    return new DropClass[] {NONE, SYN, DATA, ACK};
  }
}
