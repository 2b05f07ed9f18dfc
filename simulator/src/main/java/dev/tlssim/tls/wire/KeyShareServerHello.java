package dev.tlssim.tls.wire;

import dev.tlssim.tls.TlsAlertException;
import dev.tlssim.tls.crypto.ConnectionEnd;
import java.util.Objects;

/**
 * key_share in a ServerHello (RFC 8446 §4.2.8): {@code KeyShareEntry server_share}, a single
 * entry in the group of one of the client's shares.
 */
public record KeyShareServerHello(KeyShareEntry serverShare) implements KeyShare {
  public KeyShareServerHello {
    Objects.requireNonNull(serverShare, "serverShare");
  }

  @Override
  public byte[] encodeData() {
    WireWriter w = new WireWriter();
    serverShare.encode(w);
    return w.toByteArray();
  }

  static KeyShareServerHello decode(WireReader r) throws TlsAlertException {
    r.enter("server_share");
    KeyShareEntry share = KeyShareEntry.decode(r, ConnectionEnd.SERVER);
    r.exit();
    r.expectEnd();
    return new KeyShareServerHello(share);
  }
}
