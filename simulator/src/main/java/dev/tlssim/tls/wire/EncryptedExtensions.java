package dev.tlssim.tls.wire;

import dev.tlssim.tls.HandshakeType;
import dev.tlssim.tls.TlsAlertException;
import java.util.Objects;

/**
 * EncryptedExtensions (RFC 8446 §4.3.1): {@code Extension extensions<0..2^16-1>}, the server's
 * answers to the ClientHello's extensions that do not set up cryptographic context. The decoder
 * applies {@link Tls13Extensions#decodeBlock}: an extension the §4.2 table does not list for EE
 * (key_share, say) is an illegal_parameter.
 */
public record EncryptedExtensions(Extensions extensions) implements Tls13HandshakeMessage {
  public EncryptedExtensions {
    Objects.requireNonNull(extensions, "extensions");
  }

  @Override
  public HandshakeType type() {
    return HandshakeType.ENCRYPTED_EXTENSIONS;
  }

  @Override
  public byte[] encodeBody() {
    return extensions.encode();
  }

  public static EncryptedExtensions decode(byte[] body) throws TlsAlertException {
    return decode(new WireReader(body, "encrypted_extensions"));
  }

  static EncryptedExtensions decode(WireReader r) throws TlsAlertException {
    Extensions extensions = Tls13Extensions.decodeBlock(
        r, "encrypted_extensions", ExtensionContext.ENCRYPTED_EXTENSIONS);
    r.expectEnd();
    return new EncryptedExtensions(extensions);
  }
}
