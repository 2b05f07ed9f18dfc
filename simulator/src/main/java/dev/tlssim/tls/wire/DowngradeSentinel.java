package dev.tlssim.tls.wire;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * The downgrade protection of RFC 8446 §4.1.3: a TLS 1.3 server that negotiates an older
 * version overwrites the last 8 bytes of its ServerHello.random with one of these values, and a
 * TLS 1.3 client that sees one "MUST abort the handshake with an "illegal_parameter" alert".
 */
public enum DowngradeSentinel {
  /** "DOWNGRD" 0x01: the server negotiated TLS 1.2. */
  TLS12(1),
  /** "DOWNGRD" 0x00: the server negotiated TLS 1.1 or below. */
  TLS11_OR_BELOW(0);

  /** The sentinel fills the last 8 bytes of the 32-byte random. */
  public static final int LENGTH = 8;

  private final byte[] value;

  DowngradeSentinel(int last) {
    value = Arrays.copyOf("DOWNGRD".getBytes(StandardCharsets.US_ASCII), LENGTH);
    value[LENGTH - 1] = (byte) last;
  }

  /** The 8 bytes: 44 4F 57 4E 47 52 44 01 or 44 4F 57 4E 47 52 44 00. */
  public byte[] value() {
    return value.clone();
  }

  /** {@code random} with its last 8 bytes replaced by this sentinel. */
  public byte[] applyTo(byte[] random) {
    if (random.length != ClientHello.RANDOM_LENGTH) {
      throw new IllegalArgumentException("random must be 32 bytes, got " + random.length);
    }
    byte[] out = random.clone();
    System.arraycopy(value, 0, out, out.length - LENGTH, LENGTH);
    return out;
  }

  /** The sentinel ending {@code serverRandom}, if any. */
  public static Optional<DowngradeSentinel> in(byte[] serverRandom) {
    if (serverRandom.length < LENGTH) {
      return Optional.empty();
    }
    for (DowngradeSentinel s : values()) {
      if (Arrays.equals(serverRandom, serverRandom.length - LENGTH, serverRandom.length,
          s.value, 0, LENGTH)) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }

  /** The sentinel in a ServerHello's random, if any. */
  public static Optional<DowngradeSentinel> in(ServerHello hello) {
    return in(hello.random());
  }
}
