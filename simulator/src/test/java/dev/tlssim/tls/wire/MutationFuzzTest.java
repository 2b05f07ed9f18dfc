package dev.tlssim.tls.wire;

import static dev.tlssim.tls.wire.WireAssertions.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.tlssim.tls.CipherSuite;
import dev.tlssim.tls.ContentType;
import dev.tlssim.tls.HandshakeType;
import dev.tlssim.tls.ProtocolVersion;
import dev.tlssim.tls.TlsAlertException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Feeds seeded random mutations of valid encodings to every decoder. The only acceptable outcomes
 * are a {@link TlsAlertException} or a successful decode; and whenever decoding succeeds, encoding
 * the result must give back exactly the input, i.e. every accepted encoding is canonical, so
 * nothing the peer sent is silently altered by our parse.
 */
class MutationFuzzTest {
  static final int MUTATIONS = 3000;

  record Target(String name, byte[] valid, WireAssertions.Decoder decoder,
      Function<Object, byte[]> encoder) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Arguments> targets() {
    return Stream.of(
        target("ClientHello", ClientHelloTest.sample().encodeBody(), ClientHello::decode),
        target("ClientHello without extensions",
            hex("0303" + ClientHelloTest.RANDOM + "00 0004 c02f 002f 01 00"), ClientHello::decode),
        target("ServerHello", ServerHelloTest.sample().encodeBody(), ServerHello::decode),
        target("Certificate", new Certificate(List.of(hex("308201"), hex("3003020101")))
            .encodeBody(), Certificate::decode),
        target("ServerKeyExchange", ServerKeyExchangeTest.sample().encodeBody(),
            ServerKeyExchange::decode),
        target("ServerHelloDone", new byte[0], ServerHelloDone::decode),
        target("HelloRequest", new byte[0], HelloRequest::decode),
        target("ClientKeyExchange RSA", hex("0004 01020304"),
            b -> ClientKeyExchange.decode(b, CipherSuite.KeyExchange.RSA)),
        target("ClientKeyExchange ECDHE", hex("04 01020304"),
            b -> ClientKeyExchange.decode(b, CipherSuite.KeyExchange.ECDHE_RSA)),
        target("Finished", hex("0102030405060708090a0b0c"), Finished::decode),
        target("NewSessionTicket", hex("00001c20 0004 deadbeef"), NewSessionTicket::decode),
        target("Extensions", ClientHelloTest.sample().extensionsOrEmpty().encode(),
            Extensions::decode),
        Arguments.of(new Target("ChangeCipherSpec", hex("01"), ChangeCipherSpec::decode,
            o -> ((ChangeCipherSpec) o).encode())),
        Arguments.of(new Target("Alert", hex("0228"), Alert::decode, o -> ((Alert) o).encode())));
  }

  private static Arguments target(String name, byte[] valid, WireAssertions.Decoder decoder) {
    Function<Object, byte[]> encoder = o -> o instanceof Extensions e
        ? e.encode()
        : ((HandshakeMessage) o).encodeBody();
    return Arguments.of(new Target(name, valid, decoder, encoder));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("targets")
  void mutatedInputsOnlyEverRaiseAlerts(Target target) throws TlsAlertException {
    // Most mutations must be caught; a decoder that accepted everything would fail here.
    assertOnlyAlertsOrCanonical(target, MUTATIONS / 10);
  }

  /** The TLS 1.2 targets as events carry them: named, framed, for the annotator. */
  static Stream<Arguments> annotated() {
    ProtocolVersion v = ProtocolVersion.TLS12;
    return Stream.of(
        Arguments.of("client_hello", v, ClientHelloTest.sample().encode()),
        Arguments.of("client_hello", v, HandshakeFrame.frame(HandshakeType.CLIENT_HELLO,
            hex("0303" + ClientHelloTest.RANDOM + "00 0004 c02f 002f 01 00")).raw()),
        Arguments.of("server_hello", v, ServerHelloTest.sample().encode()),
        Arguments.of("certificate", v,
            new Certificate(List.of(hex("308201"), hex("3003020101"))).encode()),
        Arguments.of("server_key_exchange", v, ServerKeyExchangeTest.sample().encode()),
        Arguments.of("server_hello_done", v, new ServerHelloDone().encode()),
        Arguments.of("hello_request", v, new HelloRequest().encode()),
        Arguments.of("client_key_exchange", v,
            HandshakeFrame.frame(HandshakeType.CLIENT_KEY_EXCHANGE, hex("0004 01020304")).raw()),
        Arguments.of("client_key_exchange", v,
            HandshakeFrame.frame(HandshakeType.CLIENT_KEY_EXCHANGE, hex("04 01020304")).raw()),
        Arguments.of("finished", v, new Finished(hex("0102030405060708090a0b0c")).encode()),
        Arguments.of("new_session_ticket", v, new NewSessionTicket(7200, hex("deadbeef")).encode()),
        Arguments.of("change_cipher_spec", v, hex("01")),
        Arguments.of("alert", v, hex("0228")));
  }

  @ParameterizedTest(name = "{0} {2}")
  @MethodSource("annotated")
  void annotatingMutatedMessagesNeverThrowsAndStaysWithinTheBytes(String name,
      ProtocolVersion version, byte[] message) {
    assertAnnotationSafe(name, version, message);
  }

  /**
   * The annotator on a valid message tiles it exactly with no undecodable field; on each of
   * {@link #MUTATIONS} / 3 seeded mutations it never throws, every field lies within the bytes,
   * and when it reports nothing undecodable its fields tile the mutated bytes exactly too.
   */
  static void assertAnnotationSafe(String name, ProtocolVersion version, byte[] valid) {
    CodecTest.assertTiles(Codec.annotate(name, version, valid), valid.length);
    SplittableRandom random = new SplittableRandom(name.hashCode() ^ Arrays.hashCode(valid));
    int undecodable = 0;
    for (int i = 0; i < MUTATIONS / 3; i++) {
      byte[] input = mutate(valid, random);
      List<Field> fields;
      try {
        fields = Codec.annotate(name, version, input);
      } catch (RuntimeException e) {
        throw new AssertionError(name + ": annotate threw " + e + " on " + hex(input), e);
      }
      CodecTest.assertWithinBounds(fields, input);
      if (fields.stream().anyMatch(f -> f.name().equals(Field.UNDECODABLE))) {
        undecodable++;
      } else {
        CodecTest.assertTiles(fields, input.length);
      }
    }
    assertThat(undecodable).as("mutations the annotator could not decode").isPositive();
  }

  /**
   * Decodes {@link #MUTATIONS} seeded mutations of the target's valid encoding: each must raise
   * a {@link TlsAlertException} or re-encode to exactly its input, and more than
   * {@code minAlerts} must raise one.
   */
  static void assertOnlyAlertsOrCanonical(Target target, int minAlerts) throws TlsAlertException {
    // The unmutated input decodes and re-encodes to itself.
    assertThat(target.encoder().apply(target.decoder().decode(target.valid())))
        .isEqualTo(target.valid());
    SplittableRandom random = new SplittableRandom(target.name().hashCode());
    int alerts = 0;
    for (int i = 0; i < MUTATIONS; i++) {
      byte[] input = mutate(target.valid(), random);
      Object decoded;
      try {
        decoded = target.decoder().decode(input);
      } catch (TlsAlertException expected) {
        alerts++;
        continue;
      } catch (RuntimeException e) {
        throw new AssertionError(target.name() + " threw " + e + " on " + hex(input), e);
      }
      assertThat(hex(target.encoder().apply(decoded))).as("re-encoding of %s", hex(input))
          .isEqualTo(hex(input));
    }
    assertThat(alerts).isGreaterThan(minAlerts);
  }


  @Test
  void mutatedFlightsThroughRecordsReassemblyAndDispatch() throws TlsAlertException {
    byte[] flight = new WireWriter()
        .bytes(ServerHelloTest.sample().encode())
        .bytes(new Certificate(List.of(hex("308201"))).encode())
        .bytes(ServerKeyExchangeTest.sample().encode())
        .bytes(new ServerHelloDone().encode())
        .bytes(new NewSessionTicket(0, hex("aa")).encode())
        .bytes(new Finished(new byte[12]).encode())
        .toByteArray();
    WireWriter stream = new WireWriter();
    new RecordFragmenter(ProtocolVersion.TLS12, 50).fragment(ContentType.HANDSHAKE, flight)
        .forEach(r -> stream.bytes(r.encode()));
    byte[] valid = stream.toByteArray();
    HandshakeDecoder decoder =
        HandshakeDecoder.forSuite(CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256);

    assertThat(runPipeline(valid, decoder, new SplittableRandom(1))).isEqualTo(6);
    SplittableRandom random = new SplittableRandom(20240601);
    int alerts = 0;
    for (int i = 0; i < MUTATIONS; i++) {
      byte[] input = mutate(valid, random);
      try {
        runPipeline(input, decoder, random);
      } catch (TlsAlertException expected) {
        alerts++;
        continue;
      } catch (RuntimeException e) {
        fail("pipeline threw " + e + " on " + hex(input), e);
      }
    }
    assertThat(alerts).isGreaterThan(MUTATIONS / 10);
  }

  /** Feeds {@code wire} in random chunks; returns how many messages were decoded. */
  private static int runPipeline(byte[] wire, HandshakeDecoder decoder, SplittableRandom random)
      throws TlsAlertException {
    RecordReader records = new RecordReader();
    HandshakeReassembler reassembler = new HandshakeReassembler();
    int messages = 0;
    for (int off = 0; off < wire.length; ) {
      int n = Math.min(wire.length - off, random.nextInt(1, 200));
      records.feed(Arrays.copyOfRange(wire, off, off + n));
      off += n;
      for (Optional<TlsRecord> r = records.next(); r.isPresent(); r = records.next()) {
        reassembler.feed(r.get().fragment());
        for (Optional<HandshakeFrame> f = reassembler.next(); f.isPresent(); f = reassembler.next()) {
          HandshakeMessage m = decoder.decode(f.get());
          assertThat(m.encode()).isEqualTo(f.get().raw());
          messages++;
        }
      }
    }
    return messages;
  }

  /** One to four random edits, biased towards the ones that break length fields. */
  static byte[] mutate(byte[] valid, SplittableRandom random) {
    byte[] b = valid.clone();
    int edits = random.nextInt(1, 5);
    for (int e = 0; e < edits; e++) {
      int pos = b.length == 0 ? 0 : random.nextInt(b.length);
      switch (random.nextInt(7)) {
        case 0 -> {
          if (b.length > 0) {
            b[pos] ^= (byte) (1 << random.nextInt(8));
          }
        }
        case 1 -> {
          if (b.length > 0) {
            b[pos] = (byte) random.nextInt(256);
          }
        }
        case 2 -> {
          if (b.length > 0) {
            b[pos] = random.nextBoolean() ? (byte) 0x00 : (byte) 0xff;
          }
        }
        case 3 -> b = Arrays.copyOf(b, b.length == 0 ? 0 : random.nextInt(b.length));
        case 4 -> {
          byte[] out = new byte[b.length + 1];
          System.arraycopy(b, 0, out, 0, pos);
          out[pos] = (byte) random.nextInt(256);
          System.arraycopy(b, pos, out, pos + 1, b.length - pos);
          b = out;
        }
        case 5 -> {
          if (b.length > 0) {
            byte[] out = new byte[b.length - 1];
            System.arraycopy(b, 0, out, 0, pos);
            System.arraycopy(b, pos + 1, out, pos, b.length - pos - 1);
            b = out;
          }
        }
        default -> {
          int len = b.length == 0 ? 0 : random.nextInt(1, Math.min(8, b.length - pos) + 1);
          byte[] out = new byte[b.length + len];
          System.arraycopy(b, 0, out, 0, pos + len);
          System.arraycopy(b, pos, out, pos + len, b.length - pos);
          b = out;
        }
      }
    }
    return b;
  }
}
