package dev.tlssim.net;

/**
 * An IP packet between two named nodes. {@code id} is given by the kernel when the packet is first
 * sent (a duplicate made by the network keeps the id of its original).
 */
public record Packet(long id, String source, String destination, Payload payload) {
  public int size() {
    return payload.wireSize();
  }

  public Packet withId(long newId) {
    return new Packet(newId, source, destination, payload);
  }
}
