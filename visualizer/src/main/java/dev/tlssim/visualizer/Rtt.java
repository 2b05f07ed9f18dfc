package dev.tlssim.visualizer;

import dev.tlssim.events.TcpFlag;
import java.util.List;

/**
 * The path's round-trip time as the TCP handshake measured it: the one-way time of the SYN that got
 * through plus that of the SYN-ACK answering it. Taking the surviving packets' own transit times
 * (not "SYN-ACK arrival minus first SYN") keeps a lost SYN's timeout out of the estimate.
 */
final class Rtt {
  private Rtt() {}

  /** The RTT in ns, or -1 when the flow has no SYN and SYN-ACK that both arrived. */
  static long estimateNs(List<PacketPath> packets) {
    long syn = -1;
    long synAck = -1;
    for (PacketPath p : packets) {
      if (p.hops.isEmpty() || p.drop != null) {
        continue;
      }
      long transit = p.hops.get(p.hops.size() - 1).arriveNs() - p.sentNs;
      if (p.has(TcpFlag.SYN) && !p.has(TcpFlag.ACK) && syn < 0) {
        syn = transit;
      } else if (p.has(TcpFlag.SYN) && p.has(TcpFlag.ACK) && synAck < 0) {
        synAck = transit;
      }
    }
    return syn < 0 || synAck < 0 ? -1 : syn + synAck;
  }
}
