package dev.tlssim.tls.wire;

import static dev.tlssim.tls.wire.WireAssertions.hex;

import dev.tlssim.tls.HandshakeType;
import dev.tlssim.tls.ProtocolVersion;
import dev.tlssim.tls.TlsAlertException;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Seeded random mutations (those of {@link MutationFuzzTest#mutate}) of valid TLS 1.3 encodings
 * fed to every TLS 1.3 decoder: the only acceptable outcomes are a {@link TlsAlertException} or
 * a decode whose re-encoding is exactly the input (every accepted encoding is canonical).
 */
class Tls13MutationFuzzTest {
  static Stream<Arguments> targets() {
    Stream<Arguments> extensions = Tls13ExtensionsTest.knownEncodings().map(a -> {
      Tls13Extension e = (Tls13Extension) a.get()[0];
      ExtensionContext context = (ExtensionContext) a.get()[1];
      String name = e.getClass().getSimpleName() + " in " + context.abbreviation() + " "
          + a.get()[3];
      return Arguments.of(new MutationFuzzTest.Target(name, hex((String) a.get()[3]),
          d -> Tls13Extensions.decode(e.typeCode(), d, context).orElseThrow(),
          o -> ((Tls13Extension) o).encodeData()));
    });
    Stream<Arguments> messages = Tls13MessagesTest.knownEncodings().map(a -> {
      Tls13HandshakeMessage m = (Tls13HandshakeMessage) a.get()[0];
      return message(m.getClass().getSimpleName() + " " + a.get()[1], m.type(), m.encodeBody());
    });
    Stream<Arguments> rfc8448 = Stream.of(
        rfc8448("EncryptedExtensions", Rfc8448Messages.ENCRYPTED_EXTENSIONS),
        rfc8448("Certificate", Rfc8448Messages.CERTIFICATE),
        rfc8448("CertificateVerify", Rfc8448Messages.CERTIFICATE_VERIFY),
        rfc8448("NewSessionTicket", Rfc8448Messages.NEW_SESSION_TICKET),
        block("RFC 8448 ClientHello extensions", Rfc8448Messages.CLIENT_HELLO,
            ExtensionContext.CLIENT_HELLO),
        block("RFC 8448 resumed ClientHello extensions", Rfc8448Messages.RESUMED_CLIENT_HELLO,
            ExtensionContext.CLIENT_HELLO),
        serverHelloBlock("RFC 8448 ServerHello extensions", Rfc8448Messages.SERVER_HELLO,
            ExtensionContext.SERVER_HELLO),
        serverHelloBlock("RFC 8448 HelloRetryRequest extensions",
            Rfc8448Messages.HELLO_RETRY_REQUEST, ExtensionContext.HELLO_RETRY_REQUEST));
    return Stream.of(extensions, messages, rfc8448).flatMap(s -> s);
  }

  /** A message body, read by the decoder of {@code type}. */
  private static Arguments message(String name, HandshakeType type, byte[] body) {
    return Arguments.of(new MutationFuzzTest.Target(name, body, b -> Tls13MessagesTest.decode(type, b),
        o -> ((Tls13HandshakeMessage) o).encodeBody()));
  }

  /** A message of the RFC 8448 trace, header included. */
  private static Arguments rfc8448(String name, byte[] message) {
    HandshakeType type = HandshakeType.fromCode(message[0] & 0xff).orElseThrow();
    return message("RFC 8448 " + name, type, Rfc8448Messages.body(message));
  }

  private static Arguments block(String name, byte[] clientHello, ExtensionContext context) {
    byte[] block;
    try {
      block = ClientHello.decode(Rfc8448Messages.body(clientHello)).extensionsOrEmpty().encode();
    } catch (TlsAlertException e) {
      throw new AssertionError(e);
    }
    return Arguments.of(new MutationFuzzTest.Target(name, block, d -> Tls13Extensions.decodeBlock(d, context),
        o -> ((Extensions) o).encode()));
  }

  private static Arguments serverHelloBlock(String name, byte[] serverHello,
      ExtensionContext context) {
    byte[] block;
    try {
      block = ServerHello.decode(Rfc8448Messages.body(serverHello)).extensionsOrEmpty().encode();
    } catch (TlsAlertException e) {
      throw new AssertionError(e);
    }
    return Arguments.of(new MutationFuzzTest.Target(name, block, d -> Tls13Extensions.decodeBlock(d, context),
        o -> ((Extensions) o).encode()));
  }

  /** Every TLS 1.3 message of the targets, named and framed as events carry them. */
  static Stream<Arguments> annotated() {
    ProtocolVersion v = ProtocolVersion.TLS13;
    Stream<Arguments> known = Tls13MessagesTest.knownEncodings().map(a -> Arguments.of(
        ((Tls13HandshakeMessage) a.get()[0]).type().rfcName(), v, hex((String) a.get()[1])));
    Stream<Arguments> rfc8448 = Stream.of(
        Arguments.of("client_hello", v, Rfc8448Messages.CLIENT_HELLO),
        Arguments.of("server_hello", v, Rfc8448Messages.SERVER_HELLO),
        Arguments.of("encrypted_extensions", v, Rfc8448Messages.ENCRYPTED_EXTENSIONS),
        Arguments.of("certificate", v, Rfc8448Messages.CERTIFICATE),
        Arguments.of("certificate_verify", v, Rfc8448Messages.CERTIFICATE_VERIFY),
        Arguments.of("new_session_ticket", v, Rfc8448Messages.NEW_SESSION_TICKET),
        Arguments.of("client_hello", v, Rfc8448Messages.RESUMED_CLIENT_HELLO),
        Arguments.of("client_hello", v, Rfc8448Messages.HRR_CLIENT_HELLO1),
        Arguments.of(HandshakeMessageName.HELLO_RETRY_REQUEST, v,
            Rfc8448Messages.HELLO_RETRY_REQUEST),
        Arguments.of("finished", v, new Finished(hex("11".repeat(32))).encode()),
        Arguments.of("message_hash", v, new MessageHash(hex("22".repeat(32))).encode()));
    return Stream.concat(known, rfc8448);
  }

  @ParameterizedTest(name = "{0} {2}")
  @MethodSource("annotated")
  void annotatingMutatedMessagesNeverThrowsAndStaysWithinTheBytes(String name,
      ProtocolVersion version, byte[] message) {
    MutationFuzzTest.assertAnnotationSafe(name, version, message);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("targets")
  void mutatedInputsOnlyEverRaiseAlerts(MutationFuzzTest.Target target) throws TlsAlertException {
    // Empty and tiny valid encodings (early_data's indication) leave fewer ways to go wrong.
    int mutations = MutationFuzzTest.MUTATIONS;
    MutationFuzzTest.assertOnlyAlertsOrCanonical(
        target, target.valid().length == 0 ? mutations / 20 : mutations / 10);
  }
}
