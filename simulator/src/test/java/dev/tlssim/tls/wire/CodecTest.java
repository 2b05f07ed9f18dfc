package dev.tlssim.tls.wire;

import static dev.tlssim.tls.wire.WireAssertions.hex;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tlssim.pki.CertificateAuthority;
import dev.tlssim.pki.KeyPool;
import dev.tlssim.tls.AlertDescription;
import dev.tlssim.tls.CipherSuite;
import dev.tlssim.tls.ProtocolVersion;
import dev.tlssim.tls.HandshakeType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The codec's annotation of TLS 1.2 messages and records: field by field, bad input included. */
class CodecTest {
  private static final ProtocolVersion TLS12 = ProtocolVersion.TLS12;

  /** The ClientHello of PinnedHandshakeTest#clientHelloBytes, without its record header. */
  static final String CLIENT_HELLO = ""
      + "01000080030396cb4cedc6d78a4666351950dd1d06af55611874210658966039dee8335b88fd"
      + "00000cc02bc02fc030c013009c002f0100004b0000"
      + "0014001200000f7777772e6578616d706c652e636f6d000a00060004001d0017"
      + "000b00020100000d001200100403080404010503080505010806060100170000"
      + "00230000ff01000100";

  private static Field f(String name, int offset, int length, String value) {
    return new Field(name, offset, length, value);
  }

  @Test
  void clientHelloFieldByField() {
    assertThat(Codec.annotate("client_hello", TLS12, hex(CLIENT_HELLO))).containsExactly(
        f("msg_type", 0, 1, "client_hello (1)"),
        f("length", 1, 3, "128 bytes"),
        f("client_version", 4, 2, "TLS 1.2 (0x0303)"),
        f("random", 6, 32, "96cb4cedc6d78a4666351950dd1d06af55611874210658966039dee8335b88fd"),
        f("session_id.length", 38, 1, "0 bytes"),
        f("session_id", 39, 0, "(empty)"),
        f("cipher_suites.length", 39, 2, "12 bytes"),
        f("cipher_suites[0]", 41, 2, "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256 (0xc02b)"),
        f("cipher_suites[1]", 43, 2, "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256 (0xc02f)"),
        f("cipher_suites[2]", 45, 2, "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384 (0xc030)"),
        f("cipher_suites[3]", 47, 2, "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA (0xc013)"),
        f("cipher_suites[4]", 49, 2, "TLS_RSA_WITH_AES_128_GCM_SHA256 (0x009c)"),
        f("cipher_suites[5]", 51, 2, "TLS_RSA_WITH_AES_128_CBC_SHA (0x002f)"),
        f("compression_methods.length", 53, 1, "1 byte"),
        f("compression_methods[0]", 54, 1, "null (0)"),
        f("extensions.length", 55, 2, "75 bytes"),
        f("extensions[0].type", 57, 2, "server_name (0)"),
        f("extensions[0].length", 59, 2, "20 bytes"),
        f("extensions[0].server_name_list.length", 61, 2, "18 bytes"),
        f("extensions[0].server_name_list[0].name_type", 63, 1, "host_name (0)"),
        f("extensions[0].server_name_list[0].host_name.length", 64, 2, "15 bytes"),
        f("extensions[0].server_name_list[0].host_name", 66, 15, "www.example.com"),
        f("extensions[1].type", 81, 2, "supported_groups (10)"),
        f("extensions[1].length", 83, 2, "6 bytes"),
        f("extensions[1].named_group_list.length", 85, 2, "4 bytes"),
        f("extensions[1].named_group_list[0]", 87, 2, "x25519 (0x001d)"),
        f("extensions[1].named_group_list[1]", 89, 2, "secp256r1 (0x0017)"),
        f("extensions[2].type", 91, 2, "ec_point_formats (11)"),
        f("extensions[2].length", 93, 2, "2 bytes"),
        f("extensions[2].ec_point_format_list.length", 95, 1, "1 byte"),
        f("extensions[2].ec_point_format_list[0]", 96, 1, "uncompressed (0)"),
        f("extensions[3].type", 97, 2, "signature_algorithms (13)"),
        f("extensions[3].length", 99, 2, "18 bytes"),
        f("extensions[3].supported_signature_algorithms.length", 101, 2, "16 bytes"),
        f("extensions[3].supported_signature_algorithms[0]", 103, 2,
            "ecdsa_secp256r1_sha256 (0x0403)"),
        f("extensions[3].supported_signature_algorithms[1]", 105, 2,
            "rsa_pss_rsae_sha256 (0x0804)"),
        f("extensions[3].supported_signature_algorithms[2]", 107, 2, "rsa_pkcs1_sha256 (0x0401)"),
        f("extensions[3].supported_signature_algorithms[3]", 109, 2,
            "ecdsa_secp384r1_sha384 (0x0503)"),
        f("extensions[3].supported_signature_algorithms[4]", 111, 2,
            "rsa_pss_rsae_sha384 (0x0805)"),
        f("extensions[3].supported_signature_algorithms[5]", 113, 2, "rsa_pkcs1_sha384 (0x0501)"),
        f("extensions[3].supported_signature_algorithms[6]", 115, 2,
            "rsa_pss_rsae_sha512 (0x0806)"),
        f("extensions[3].supported_signature_algorithms[7]", 117, 2, "rsa_pkcs1_sha512 (0x0601)"),
        f("extensions[4].type", 119, 2, "extended_master_secret (23)"),
        f("extensions[4].length", 121, 2, "0 bytes"),
        f("extensions[5].type", 123, 2, "session_ticket (35)"),
        f("extensions[5].length", 125, 2, "0 bytes"),
        f("extensions[6].type", 127, 2, "renegotiation_info (65281)"),
        f("extensions[6].length", 129, 2, "1 byte"),
        f("extensions[6].renegotiated_connection.length", 131, 1, "0 bytes"),
        f("extensions[6].renegotiated_connection", 132, 0, "(empty)"));
  }

  @Test
  void clientHelloWithStatusRequestAndUnknownCodes() {
    byte[] bytes = ClientHelloTest.sample().encode();
    List<Field> fields = Codec.annotate("client_hello", TLS12, bytes);
    assertThat(fields).extracting(Field::name).doesNotContain(Field.UNDECODABLE);
    assertWithinBounds(fields, bytes);

    byte[] stapling = ClientHello.of(ProtocolVersion.TLS12, new byte[32], new byte[0],
        List.of(CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256),
        Extensions.of(StatusRequest.ocsp(OcspStatusRequest.any()))).encode();
    assertThat(Codec.annotate("client_hello", TLS12, stapling))
        .filteredOn(field -> field.name().startsWith("extensions")).containsExactly(
            f("extensions.length", 45, 2, "9 bytes"),
            f("extensions[0].type", 47, 2, "status_request (5)"),
            f("extensions[0].length", 49, 2, "5 bytes"),
            f("extensions[0].status_type", 51, 1, "ocsp (1)"),
            f("extensions[0].responder_id_list.length", 52, 2, "0 bytes"),
            f("extensions[0].request_extensions.length", 54, 2, "0 bytes"),
            f("extensions[0].request_extensions", 56, 0, "(empty)"));
    // Codes this simulator does not implement still get the IANA name, or say "unknown".
    assertThat(CodeNames.cipherSuite(0x1301)).isEqualTo("TLS_AES_128_GCM_SHA256 (0x1301)");
    assertThat(CodeNames.cipherSuite(0x0a0a)).isEqualTo("unknown (0x0a0a)");
    assertThat(CodeNames.group(0x0a0a)).isEqualTo("unknown (0x0a0a)");
  }

  @Test
  void serverHelloFieldByField() {
    assertThat(Codec.annotate("server_hello", TLS12, ServerHelloTest.sample().encode()))
        .containsExactly(
            f("msg_type", 0, 1, "server_hello (2)"),
            f("length", 1, 3, "57 bytes"),
            f("server_version", 4, 2, "TLS 1.2 (0x0303)"),
            f("random", 6, 32, "aa".repeat(32)),
            f("session_id.length", 38, 1, "4 bytes"),
            f("session_id", 39, 4, "01020304"),
            f("cipher_suite", 43, 2, "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256 (0xc02f)"),
            f("compression_method", 45, 1, "null (0)"),
            f("extensions.length", 46, 2, "13 bytes"),
            f("extensions[0].type", 48, 2, "renegotiation_info (65281)"),
            f("extensions[0].length", 50, 2, "1 byte"),
            f("extensions[0].renegotiated_connection.length", 52, 1, "0 bytes"),
            f("extensions[0].renegotiated_connection", 53, 0, "(empty)"),
            f("extensions[1].type", 53, 2, "server_name (0)"),
            f("extensions[1].length", 55, 2, "0 bytes"),
            f("extensions[2].type", 57, 2, "extended_master_secret (23)"),
            f("extensions[2].length", 59, 2, "0 bytes"));
  }

  @Test
  void certificateShowsEachCertificateParsed() throws Exception {
    KeyPool keys = new KeyPool(3);
    Instant from = Instant.parse("2025-01-01T00:00:00Z");
    Instant to = Instant.parse("2026-01-01T00:00:00Z");
    byte[] der = CertificateAuthority.root("tlssim Fields Root", keys.ecP256("root"), from, to)
        .certificate().getEncoded();
    byte[] bytes = new Certificate(List.of(der, hex("3003020101"))).encode();
    List<Field> fields = Codec.annotate("certificate", TLS12, bytes);
    assertThat(fields).extracting(Field::name).containsExactly("msg_type", "length",
        "certificate_list.length", "certificate_list[0].length", "certificate_list[0]",
        "certificate_list[1].length", "certificate_list[1]");
    assertThat(fields.get(4).offset()).isEqualTo(10);
    assertThat(fields.get(4).length()).isEqualTo(der.length);
    assertThat(fields.get(4).value())
        .startsWith("subject=CN=tlssim Fields Root")
        .contains("issuer=CN=tlssim Fields Root", "notBefore=2025-01-01T00:00:00Z",
            "notAfter=2026-01-01T00:00:00Z", "serial=0x");
    assertThat(fields.get(6)).isEqualTo(
        f("certificate_list[1]", bytes.length - 5, 5, "not a parseable X.509 certificate (5 bytes)"));
  }

  @Test
  void serverKeyExchange() {
    assertThat(Codec.annotate("server_key_exchange", TLS12,
        ServerKeyExchangeTest.sample().encode())).containsExactly(
            f("msg_type", 0, 1, "server_key_exchange (12)"),
            f("length", 1, 3, "14 bytes"),
            f("curve_params.curve_type", 4, 1, "named_curve (3)"),
            f("curve_params.namedcurve", 5, 2, "x25519 (0x001d)"),
            f("public.length", 7, 1, "4 bytes"),
            f("public", 8, 4, "01020304"),
            f("signed_params.algorithm", 12, 2, "ecdsa_secp256r1_sha256 (0x0403)"),
            f("signed_params.signature.length", 14, 2, "2 bytes"),
            f("signed_params.signature", 16, 2, "aabb"));
  }

  @Test
  void clientKeyExchangeEitherKind() {
    byte[] rsa = new byte[2 + 256];
    rsa[0] = 1;
    rsa[2] = (byte) 0xab;
    assertThat(Codec.annotate("client_key_exchange", TLS12,
        HandshakeFrame.frame(HandshakeType.CLIENT_KEY_EXCHANGE, rsa).raw())).containsExactly(
            f("msg_type", 0, 1, "client_key_exchange (16)"),
            f("length", 1, 3, "258 bytes"),
            f("encrypted_pre_master_secret.length", 4, 2, "256 bytes"),
            f("encrypted_pre_master_secret", 6, 256,
                "ab000000000000000000000000000000... (256 bytes)"));
    assertThat(Codec.annotate("client_key_exchange", TLS12,
        HandshakeFrame.frame(HandshakeType.CLIENT_KEY_EXCHANGE, hex("04 01020304")).raw()))
        .containsExactly(
            f("msg_type", 0, 1, "client_key_exchange (16)"),
            f("length", 1, 3, "5 bytes"),
            f("ecdh_Yc.length", 4, 1, "4 bytes"),
            f("ecdh_Yc", 5, 4, "01020304"));
  }

  @Test
  void finishedTicketHelloDoneStatusCcsAlert() {
    assertThat(Codec.annotate("finished", TLS12,
        new Finished(hex("0102030405060708090a0b0c")).encode())).containsExactly(
            f("msg_type", 0, 1, "finished (20)"),
            f("length", 1, 3, "12 bytes"),
            f("verify_data", 4, 12, "0102030405060708090a0b0c"));
    assertThat(Codec.annotate("new_session_ticket", TLS12,
        new NewSessionTicket(7200, hex("deadbeef")).encode())).containsExactly(
            f("msg_type", 0, 1, "new_session_ticket (4)"),
            f("length", 1, 3, "10 bytes"),
            f("ticket_lifetime_hint", 4, 4, "7200 seconds"),
            f("ticket.length", 8, 2, "4 bytes"),
            f("ticket", 10, 4, "deadbeef"));
    assertThat(Codec.annotate("server_hello_done", TLS12, new ServerHelloDone().encode()))
        .containsExactly(f("msg_type", 0, 1, "server_hello_done (14)"),
            f("length", 1, 3, "0 bytes"));
    assertThat(Codec.annotate("certificate_status", TLS12,
        new CertificateStatus(hex("3003020101")).encode())).containsExactly(
            f("msg_type", 0, 1, "certificate_status (22)"),
            f("length", 1, 3, "9 bytes"),
            f("status_type", 4, 1, "ocsp (1)"),
            f("ocsp_response.length", 5, 3, "5 bytes"),
            f("ocsp_response", 8, 5, "not a parseable OCSPResponse (5 bytes)"));
    assertThat(Codec.annotate("change_cipher_spec", TLS12, hex("01")))
        .containsExactly(f("type", 0, 1, "change_cipher_spec (1)"));
    assertThat(Codec.annotate("alert", TLS12,
        Alert.fatal(AlertDescription.HANDSHAKE_FAILURE).encode())).containsExactly(
            f("level", 0, 1, "fatal (2)"), f("description", 1, 1, "handshake_failure (40)"));
    assertThat(Codec.annotate("application_data", TLS12, new byte[0])).isEmpty();
  }

  @Test
  void truncatedAndTrailingBytesEndInUndecodable() {
    byte[] hello = hex(CLIENT_HELLO);
    List<Field> cut = Codec.annotate("client_hello", TLS12, Arrays.copyOf(hello, 20));
    assertThat(cut).extracting(Field::name).containsExactly("msg_type", "length", "undecodable");
    assertThat(cut.get(2)).isEqualTo(
        f("undecodable", 4, 16, "length 128 but 16 byte(s) follow"));

    byte[] longer = Arrays.copyOf(hello, hello.length + 2);
    List<Field> trailing = Codec.annotate("client_hello", TLS12, longer);
    assertThat(trailing.get(trailing.size() - 1))
        .isEqualTo(f("undecodable", hello.length, 2, "message: 2 trailing byte(s)"));

    // A vector length pointing past its enclosing vector: fields so far, then the rest.
    byte[] bad = hello.clone();
    bad[60] = (byte) 0xff; // extensions[0].length = 0x00ff > what the extensions hold
    List<Field> fields = Codec.annotate("client_hello", TLS12, bad);
    Field last = fields.get(fields.size() - 1);
    assertThat(fields.get(fields.size() - 2)).isEqualTo(
        f("extensions[0].length", 59, 2, "255 bytes"));
    assertThat(last.name()).isEqualTo("undecodable");
    assertThat(last.offset()).isEqualTo(61);
    assertThat(last.length()).isEqualTo(hello.length - 61);

    assertThat(Codec.annotate("no_such_message", TLS12, hex("0102")))
        .containsExactly(f("undecodable", 0, 2, "no message called 'no_such_message'"));
    assertThat(Codec.annotate("finished", TLS12, new byte[0]))
        .containsExactly(f("undecodable", 0, 0, "msg_type: needs 1 byte(s) but only 0 remain"));
  }

  /** Seeded mutations of every message kind: never throws, every field within the bytes. */
  @Test
  void mutatedMessagesNeverThrowAndStayInBounds() throws Exception {
    KeyPool keys = new KeyPool(3);
    byte[] der = CertificateAuthority.root("tlssim Fields Root", keys.ecP256("root"),
        Instant.parse("2025-01-01T00:00:00Z"), Instant.parse("2026-01-01T00:00:00Z"))
        .certificate().getEncoded();
    List<Object[]> samples = List.of(
        new Object[] {"client_hello", hex(CLIENT_HELLO)},
        new Object[] {"client_hello", ClientHelloTest.sample().encode()},
        new Object[] {"server_hello", ServerHelloTest.sample().encode()},
        new Object[] {"certificate", new Certificate(List.of(der)).encode()},
        new Object[] {"server_key_exchange", ServerKeyExchangeTest.sample().encode()},
        new Object[] {"server_hello_done", new ServerHelloDone().encode()},
        new Object[] {"client_key_exchange", HandshakeFrame.frame(
            HandshakeType.CLIENT_KEY_EXCHANGE, hex("0004 01020304")).raw()},
        new Object[] {"client_key_exchange", HandshakeFrame.frame(
            HandshakeType.CLIENT_KEY_EXCHANGE, hex("04 01020304")).raw()},
        new Object[] {"new_session_ticket", new NewSessionTicket(7200, hex("deadbeef")).encode()},
        new Object[] {"finished", new Finished(hex("0102030405060708090a0b0c")).encode()},
        new Object[] {"certificate_status", new CertificateStatus(hex("3003020101")).encode()},
        new Object[] {"change_cipher_spec", hex("01")},
        new Object[] {"alert", hex("0228")});
    SplittableRandom random = new SplittableRandom(20261126L);
    int described = 0;
    for (Object[] sample : samples) {
      String name = (String) sample[0];
      byte[] valid = (byte[]) sample[1];
      assertThat(Codec.annotate(name, TLS12, valid)).as(name)
          .extracting(Field::name).doesNotContain(Field.UNDECODABLE);
      for (int i = 0; i < 1500; i++) {
        byte[] mutated = mutate(valid, random);
        List<Field> fields = Codec.annotate(name, TLS12, mutated);
        assertWithinBounds(fields, mutated);
        described++;
      }
    }
    assertThat(described).isEqualTo(samples.size() * 1500);
  }

  private static byte[] mutate(byte[] valid, SplittableRandom random) {
    byte[] b = valid.clone();
    switch (random.nextInt(4)) {
      case 0 -> { // flip bits
        for (int k = 1 + random.nextInt(3); k > 0 && b.length > 0; k--) {
          b[random.nextInt(b.length)] ^= (byte) (1 << random.nextInt(8));
        }
      }
      case 1 -> b = Arrays.copyOf(b, b.length == 0 ? 0 : random.nextInt(b.length)); // truncate
      case 2 -> { // random byte, e.g. in a length field
        if (b.length > 0) {
          b[random.nextInt(b.length)] = (byte) random.nextInt(256);
        }
      }
      default -> { // append garbage
        byte[] longer = Arrays.copyOf(b, b.length + 1 + random.nextInt(8));
        for (int i = b.length; i < longer.length; i++) {
          longer[i] = (byte) random.nextInt(256);
        }
        b = longer;
      }
    }
    return b;
  }

  /** Each byte in exactly one field, in wire order, and none undecodable. */
  static void assertTiles(List<Field> fields, int length) {
    int at = 0;
    for (Field field : fields) {
      assertThat(field.name()).as("%s", fields).isNotEqualTo(Field.UNDECODABLE);
      assertThat(field.offset()).as("offset of %s after %d bytes", field, at).isEqualTo(at);
      at += field.length();
    }
    assertThat(at).as("where the fields end").isEqualTo(length);
  }

  static void assertWithinBounds(List<Field> fields, byte[] bytes) {
    List<String> problems = new ArrayList<>();
    int undecodable = 0;
    for (Field field : fields) {
      if (field.offset() < 0 || field.length() < 0
          || field.offset() + field.length() > bytes.length) {
        problems.add(field.toString());
      }
      if (field.name().equals(Field.UNDECODABLE)) {
        undecodable++;
      }
    }
    assertThat(problems).as("fields out of bounds").isEmpty();
    assertThat(undecodable).isLessThanOrEqualTo(1);
    if (undecodable == 1) {
      assertThat(fields.get(fields.size() - 1).name()).isEqualTo(Field.UNDECODABLE);
    }
  }
}
