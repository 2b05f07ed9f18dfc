package dev.tlssim.net;

/** A link between two nodes with its conditions in each direction ({@code a -> b} is forward). */
public record Link(String a, String b, LinkParams forward, LinkParams reverse) {
  public Link {
    if (a.equals(b)) {
      throw new IllegalArgumentException("a link needs two different nodes, got " + a + " twice");
    }
  }

  public static Link symmetric(String a, String b, LinkParams params) {
    return new Link(a, b, params, params);
  }
}
