package dev.tlssim.party;

import dev.tlssim.tls.HandshakeType;
import dev.tlssim.tls.NamedGroup;
import dev.tlssim.tls.config.TlsClientConfig;
import dev.tlssim.tls.config.TlsServerConfig;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;

/**
 * What a man in the middle does with the traffic of {@code target:port} that crosses it.
 *
 * <ul>
 *   <li>{@code observe}: forwards everything, records it (and decrypts it later if it can);
 *   <li>{@code intercept}: terminates the client's TCP and TLS itself, impersonating the target
 *       with {@code impersonation}'s certificate, and relays through its own connection
 *       ({@code upstream}), reading the plaintext; it speaks the TLS versions the target
 *       speaks, so the same strategies meet TLS 1.2 and TLS 1.3 clients;
 *   <li>{@code tamper}: flips one bit of a handshake message in flight;
 *   <li>{@code rewrite}: overwrites cipher suite, extension and group codes of the ClientHello in
 *       place (a downgrade, or stripping an extension or a key share).
 * </ul>
 *
 * <p>{@code targetKey} is the target server's private key: the MITM does not have it until the
 * timeline says it is stolen (a key compromise), and then uses it only on what it recorded.
 */
public record MitmConfig(
    MitmMode mode,
    String target,
    int port,
    TlsServerConfig impersonation,
    TlsClientConfig upstream,
    Tamper tamper,
    Rewrite rewrite,
    SecureRandom random,
    Instant epoch,
    AsymmetricKeyParameter targetKey) {

  /** Flip the low bit of byte {@code offset} (0 = header) of the first {@code message} towards the server or the client. */
  public record Tamper(boolean towardsServer, HandshakeType message, int offset) {}

  /**
   * ClientHello codes to overwrite with codes no one implements (so the server ignores them):
   * suites, extension types, and groups wherever supported_groups and key_share name them.
   */
  public record Rewrite(Set<Integer> suites, Set<Integer> extensions, List<NamedGroup> groups) {
    public Rewrite {
      groups = List.copyOf(groups);
    }
  }
}
