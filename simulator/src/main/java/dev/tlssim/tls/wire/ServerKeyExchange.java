package dev.tlssim.tls.wire;

import dev.tlssim.tls.HandshakeType;
import dev.tlssim.tls.TlsAlertException;
import java.util.Objects;

/**
 * ServerKeyExchange for ECDHE_RSA and ECDHE_ECDSA (RFC 8422 §5.4): {@code ServerECDHParams
 * params; digitally-signed signed_params}. The signature covers
 * {@code client_random + server_random + params} (RFC 8422 §5.4, RFC 5246 §7.4.3): see
 * {@link #signedContent(byte[], byte[], ServerEcdhParams)}.
 */
public record ServerKeyExchange(ServerEcdhParams params, DigitallySigned signedParams)
    implements HandshakeMessage {

  public ServerKeyExchange {
    Objects.requireNonNull(params, "params");
    Objects.requireNonNull(signedParams, "signedParams");
  }

  /** The exact bytes to sign (server) or verify (client). */
  public static byte[] signedContent(byte[] clientRandom, byte[] serverRandom,
      ServerEcdhParams params) {
    if (clientRandom.length != ClientHello.RANDOM_LENGTH
        || serverRandom.length != ClientHello.RANDOM_LENGTH) {
      throw new IllegalArgumentException("randoms must be 32 bytes");
    }
    WireWriter w = new WireWriter().bytes(clientRandom).bytes(serverRandom);
    params.encode(w);
    return w.toByteArray();
  }

  /** This message's signed content for the given randoms. */
  public byte[] signedContent(byte[] clientRandom, byte[] serverRandom) {
    return signedContent(clientRandom, serverRandom, params);
  }

  /** The encoded ServerECDHParams alone, as received. */
  public byte[] paramsBytes() {
    return params.encode();
  }

  @Override
  public HandshakeType type() {
    return HandshakeType.SERVER_KEY_EXCHANGE;
  }

  @Override
  public byte[] encodeBody() {
    WireWriter w = new WireWriter();
    params.encode(w);
    signedParams.encode(w);
    return w.toByteArray();
  }

  public static ServerKeyExchange decode(byte[] body) throws TlsAlertException {
    return decode(new WireReader(body, "server_key_exchange"));
  }

  static ServerKeyExchange decode(WireReader r) throws TlsAlertException {
    ServerEcdhParams params = ServerEcdhParams.decode(r);
    DigitallySigned signed = DigitallySigned.decode(r);
    r.expectEnd();
    return new ServerKeyExchange(params, signed);
  }
}
