package dev.tlssim.scenario;

import dev.tlssim.party.MitmMode;
import dev.tlssim.tls.CipherSuite;
import dev.tlssim.tls.HandshakeType;
import dev.tlssim.tls.NamedGroup;
import dev.tlssim.tls.wire.ExtensionType;
import java.util.List;

/**
 * A man in the middle's plan, as a scenario states it (see {@link dev.tlssim.party.MitmConfig}).
 *
 * @param presented intercept: the chain it presents to the client; null in other modes
 * @param tamper    tamper: which message to flip a bit in, towards whom, at which byte; null otherwise
 * @param rewrite   rewrite: the ClientHello codes to erase; null otherwise
 */
public record MitmSpec(MitmMode mode, String target, int port, Presented presented, Tamper tamper,
    Rewrite rewrite) {

  /** What an intercepting MITM presents as the server's certificate. */
  public sealed interface Presented permits Passthrough, Forged {}

  /** The target's own chain, without the target's key: the client's signature check catches it. */
  public record Passthrough() implements Presented {}

  /** A pki certificate the attacker holds the key of (a rogue CA's, a stolen or misissued one). */
  public record Forged(String certificate) implements Presented {}

  /** Which peer a tampered message travels towards. */
  public enum Towards { SERVER, CLIENT }

  /** Flip the low bit of byte {@code offset} (0 = header) of the first {@code message} towards whom. */
  public record Tamper(HandshakeType message, Towards towards, int offset) {}

  /**
   * Cipher suites, extensions and groups to erase from ClientHello ("ecdhe" already expanded to
   * its suites); a group is erased from supported_groups and from key_share alike.
   */
  public record Rewrite(List<CipherSuite> suites, List<ExtensionType> extensions, List<NamedGroup> groups) {
    public Rewrite {
      suites = List.copyOf(suites);
      extensions = List.copyOf(extensions);
      groups = List.copyOf(groups);
    }
  }
}
