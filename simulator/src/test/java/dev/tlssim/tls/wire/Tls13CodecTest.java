package dev.tlssim.tls.wire;

import static dev.tlssim.tls.wire.WireAssertions.hex;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tlssim.tls.CipherSuite;
import dev.tlssim.tls.HandshakeType;
import dev.tlssim.tls.ProtocolVersion;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The codec's annotation of the TLS 1.3 messages (RFC 8446), on the RFC 8448 traces where they
 * have one: every extension field by field, the messages whose type code TLS 1.2 shares read with
 * their TLS 1.3 layout, and the names the trace gives them.
 */
class Tls13CodecTest {
  private static final ProtocolVersion TLS13 = ProtocolVersion.TLS13;

  private static Field f(String name, int offset, int length, String value) {
    return new Field(name, offset, length, value);
  }

  private static List<Field> annotate(String name, byte[] message) {
    List<Field> fields = Codec.annotate(name, TLS13, message);
    CodecTest.assertTiles(fields, message.length);
    return fields;
  }

  @Test
  void serverHelloWithKeyShareAndSelectedVersion() {
    assertThat(annotate("server_hello", Rfc8448Messages.SERVER_HELLO)).containsExactly(
        f("msg_type", 0, 1, "server_hello (2)"),
        f("length", 1, 3, "86 bytes"),
        f("server_version", 4, 2, "TLS 1.2 (0x0303)"),
        f("random", 6, 32, "a6af06a4121860dc5e6e60249cd34c95930c8ac5cb1434dac155772ed3e26928"),
        f("session_id.length", 38, 1, "0 bytes"),
        f("session_id", 39, 0, "(empty)"),
        f("cipher_suite", 39, 2, "TLS_AES_128_GCM_SHA256 (0x1301)"),
        f("compression_method", 41, 1, "null (0)"),
        f("extensions.length", 42, 2, "46 bytes"),
        f("extensions[0].type", 44, 2, "key_share (51)"),
        f("extensions[0].length", 46, 2, "36 bytes"),
        f("extensions[0].server_share.group", 48, 2, "x25519 (0x001d)"),
        f("extensions[0].server_share.key_exchange.length", 50, 2, "32 bytes"),
        f("extensions[0].server_share.key_exchange", 52, 32,
            "c9828876112095fe66762bdbf7c672e156d6cc253b833df1dd69b1b04e751f0f"),
        f("extensions[1].type", 84, 2, "supported_versions (43)"),
        f("extensions[1].length", 86, 2, "2 bytes"),
        f("extensions[1].selected_version", 88, 2, "TLS 1.3 (0x0304)"));
    // A ServerHello says its own version (RFC 8446 §4.2.1): the connection's does not matter.
    assertThat(Codec.annotate("server_hello", ProtocolVersion.TLS12, Rfc8448Messages.SERVER_HELLO))
        .isEqualTo(annotate("server_hello", Rfc8448Messages.SERVER_HELLO));
  }

  @Test
  void helloRetryRequestWithSelectedGroupAndCookie() {
    assertThat(annotate("hello_retry_request", Rfc8448Messages.HELLO_RETRY_REQUEST))
        .containsExactly(
            f("msg_type", 0, 1, "server_hello (2)"),
            f("length", 1, 3, "172 bytes"),
            f("server_version", 4, 2, "TLS 1.2 (0x0303)"),
            f("random", 6, 32, "cf21ad74e59a6111be1d8c021e65b891c2a211167abb8c5e079e09e2c8a8339c"
                + " = SHA-256(\"HelloRetryRequest\"): a HelloRetryRequest (RFC 8446 §4.1.3)"),
            f("session_id.length", 38, 1, "0 bytes"),
            f("session_id", 39, 0, "(empty)"),
            f("cipher_suite", 39, 2, "TLS_AES_128_GCM_SHA256 (0x1301)"),
            f("compression_method", 41, 1, "null (0)"),
            f("extensions.length", 42, 2, "132 bytes"),
            f("extensions[0].type", 44, 2, "key_share (51)"),
            f("extensions[0].length", 46, 2, "2 bytes"),
            f("extensions[0].selected_group", 48, 2, "secp256r1 (0x0017)"),
            f("extensions[1].type", 50, 2, "cookie (44)"),
            f("extensions[1].length", 52, 2, "116 bytes"),
            f("extensions[1].cookie.length", 54, 2, "114 bytes"),
            f("extensions[1].cookie", 56, 114, "71dcd04bb88bc3189119398a00000000... (114 bytes)"),
            f("extensions[2].type", 170, 2, "supported_versions (43)"),
            f("extensions[2].length", 172, 2, "2 bytes"),
            f("extensions[2].selected_version", 174, 2, "TLS 1.3 (0x0304)"));
  }

  @Test
  void resumedClientHelloWithKeyShareEarlyDataModesAndPreSharedKey() {
    List<Field> fields = annotate("client_hello", Rfc8448Messages.RESUMED_CLIENT_HELLO);
    assertThat(fields).filteredOn(f -> f.name().matches("extensions\\[(3|4|5|7|10)\\].*"))
        .containsExactly(
            f("extensions[3].type", 95, 2, "key_share (51)"),
            f("extensions[3].length", 97, 2, "38 bytes"),
            f("extensions[3].client_shares.length", 99, 2, "36 bytes"),
            f("extensions[3].client_shares[0].group", 101, 2, "x25519 (0x001d)"),
            f("extensions[3].client_shares[0].key_exchange.length", 103, 2, "32 bytes"),
            f("extensions[3].client_shares[0].key_exchange", 105, 32,
                "e4ffb68ac05f8d96c99da26698346c6be16482badddafe051a66b4f18d668f0b"),
            f("extensions[4].type", 137, 2, "early_data (42)"),
            f("extensions[4].length", 139, 2, "0 bytes"),
            f("extensions[5].type", 141, 2, "supported_versions (43)"),
            f("extensions[5].length", 143, 2, "3 bytes"),
            f("extensions[5].versions.length", 145, 1, "2 bytes"),
            f("extensions[5].versions[0]", 146, 2, "TLS 1.3 (0x0304)"),
            f("extensions[7].type", 184, 2, "psk_key_exchange_modes (45)"),
            f("extensions[7].length", 186, 2, "2 bytes"),
            f("extensions[7].ke_modes.length", 188, 1, "1 byte"),
            f("extensions[7].ke_modes[0]", 189, 1, "psk_dhe_ke (1)"),
            f("extensions[10].type", 287, 2, "pre_shared_key (41)"),
            f("extensions[10].length", 289, 2, "221 bytes"),
            f("extensions[10].identities.length", 291, 2, "184 bytes"),
            f("extensions[10].identities[0].identity.length", 293, 2, "178 bytes"),
            f("extensions[10].identities[0].identity", 295, 178,
                "2c035d829359ee5ff7af4ec900000000... (178 bytes)"),
            f("extensions[10].identities[0].obfuscated_ticket_age", 473, 4, "4208372427"),
            f("extensions[10].binders.length", 477, 2, "33 bytes"),
            f("extensions[10].binders[0].length", 479, 1, "32 bytes"),
            f("extensions[10].binders[0]", 480, 32,
                "3add4fb2d8fdf822a0ca3cf7678ef5e88dae990141c5924d57bb6fa31b9e5f9d"));
    assertThat(fields).filteredOn(f -> f.name().startsWith("extensions[6]")).hasSize(18)
        .contains(f("extensions[6].supported_signature_algorithms[4]", 162, 2,
            "rsa_pss_rsae_sha256 (0x0804)"));
  }

  @Test
  void encryptedExtensions() {
    List<Field> fields = annotate("encrypted_extensions", Rfc8448Messages.ENCRYPTED_EXTENSIONS);
    assertThat(fields).filteredOn(f -> !f.name().startsWith("extensions[0].named_group_list["))
        .containsExactly(
            f("msg_type", 0, 1, "encrypted_extensions (8)"),
            f("length", 1, 3, "36 bytes"),
            f("extensions.length", 4, 2, "34 bytes"),
            f("extensions[0].type", 6, 2, "supported_groups (10)"),
            f("extensions[0].length", 8, 2, "20 bytes"),
            f("extensions[0].named_group_list.length", 10, 2, "18 bytes"),
            // record_size_limit (RFC 8449), which this simulator does not model.
            f("extensions[1].type", 30, 2, "unknown (28)"),
            f("extensions[1].length", 32, 2, "2 bytes"),
            f("extensions[1].extension_data", 34, 2, "4001"),
            f("extensions[2].type", 36, 2, "server_name (0)"),
            f("extensions[2].length", 38, 2, "0 bytes"));
    assertThat(fields.get(6)).isEqualTo(
        f("extensions[0].named_group_list[0]", 12, 2, "x25519 (0x001d)"));
  }

  @Test
  void maxFragmentLengthInClientHelloAndEncryptedExtensions() {
    Extensions offer = Extensions.of(new MaxFragmentLengthExtension(MaxFragmentLength.LENGTH_1024));
    byte[] hello = ClientHello.of(ProtocolVersion.TLS12, new byte[32], new byte[0],
        List.of(CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256), offer).encode();
    assertThat(annotate("client_hello", hello)).filteredOn(f -> f.name().startsWith("extensions"))
        .containsExactly(
            f("extensions.length", 45, 2, "5 bytes"),
            f("extensions[0].type", 47, 2, "max_fragment_length (1)"),
            f("extensions[0].length", 49, 2, "1 byte"),
            f("extensions[0].max_fragment_length", 51, 1, "2^10 (2)"));
    assertThat(annotate("encrypted_extensions", new EncryptedExtensions(offer).encode()))
        .endsWith(f("extensions[0].max_fragment_length", 10, 1, "2^10 (2)"));
  }

  @Test
  void certificateEntriesWithStatusRequestAndTheirExtensions() {
    assertThat(annotate("certificate", Tls13MessagesTest.sampleCertificate().encode()))
        .containsExactly(
            f("msg_type", 0, 1, "certificate (11)"),
            f("length", 1, 3, "43 bytes"),
            f("certificate_request_context.length", 4, 1, "2 bytes"),
            f("certificate_request_context", 5, 2, "01aa"),
            f("certificate_list.length", 7, 3, "37 bytes"),
            f("certificate_list[0].cert_data.length", 10, 3, "3 bytes"),
            f("certificate_list[0].cert_data", 13, 3, "not a parseable X.509 certificate (3 bytes)"),
            f("certificate_list[0].extensions.length", 16, 2, "19 bytes"),
            f("certificate_list[0].extensions[0].type", 18, 2, "status_request (5)"),
            f("certificate_list[0].extensions[0].length", 20, 2, "6 bytes"),
            f("certificate_list[0].extensions[0].status_type", 22, 1, "ocsp (1)"),
            f("certificate_list[0].extensions[0].ocsp_response.length", 23, 3, "2 bytes"),
            f("certificate_list[0].extensions[0].ocsp_response", 26, 2,
                "not a parseable OCSPResponse (2 bytes)"),
            f("certificate_list[0].extensions[1].type", 28, 2, "signed_certificate_timestamp (18)"),
            f("certificate_list[0].extensions[1].length", 30, 2, "5 bytes"),
            f("certificate_list[0].extensions[1].extension_data", 32, 5, "0003abcdef"),
            f("certificate_list[1].cert_data.length", 37, 3, "5 bytes"),
            f("certificate_list[1].cert_data", 40, 5, "not a parseable X.509 certificate (5 bytes)"),
            f("certificate_list[1].extensions.length", 45, 2, "0 bytes"));
    List<Field> rfc = annotate("certificate", Rfc8448Messages.CERTIFICATE);
    assertThat(rfc.get(6).name()).isEqualTo("certificate_list[0].cert_data");
    assertThat(rfc.get(6).value()).startsWith("subject=CN=rsa, issuer=CN=rsa");
  }

  /** RFC 8446 §4.6.1 NewSessionTicket, not RFC 5077's: the connection's version says which. */
  @Test
  void newSessionTicketWithMaxEarlyDataSize() {
    assertThat(annotate("new_session_ticket", Rfc8448Messages.NEW_SESSION_TICKET)).containsExactly(
        f("msg_type", 0, 1, "new_session_ticket (4)"),
        f("length", 1, 3, "201 bytes"),
        f("ticket_lifetime", 4, 4, "30 seconds"),
        f("ticket_age_add", 8, 4, "4208372421"),
        f("ticket_nonce.length", 12, 1, "2 bytes"),
        f("ticket_nonce", 13, 2, "0000"),
        f("ticket.length", 15, 2, "178 bytes"),
        f("ticket", 17, 178, "2c035d829359ee5ff7af4ec900000000... (178 bytes)"),
        f("extensions.length", 195, 2, "8 bytes"),
        f("extensions[0].type", 197, 2, "early_data (42)"),
        f("extensions[0].length", 199, 2, "4 bytes"),
        f("extensions[0].max_early_data_size", 201, 4, "1024 bytes"));
    // Read with RFC 5077's layout, as the inspector did before it knew the version.
    assertThat(Codec.annotate("new_session_ticket", ProtocolVersion.TLS12,
        Rfc8448Messages.NEW_SESSION_TICKET)).last().isEqualTo(
            f("undecodable", 10, 195, "new_session_ticket.ticket: needs 64214 byte(s) but only 195 remain"));
  }

  @Test
  void certificateVerifyKeyUpdateEndOfEarlyDataFinishedMessageHashEarlyData() {
    assertThat(annotate("certificate_verify", Rfc8448Messages.CERTIFICATE_VERIFY)).containsExactly(
        f("msg_type", 0, 1, "certificate_verify (15)"),
        f("length", 1, 3, "132 bytes"),
        f("algorithm", 4, 2, "rsa_pss_rsae_sha256 (0x0804)"),
        f("signature.length", 6, 2, "128 bytes"),
        f("signature", 8, 128, "5a747c5d88fa9bd2e55ab085a61015b7... (128 bytes)"));
    assertThat(annotate("key_update", new KeyUpdate(KeyUpdate.Request.UPDATE_REQUESTED).encode()))
        .containsExactly(f("msg_type", 0, 1, "key_update (24)"), f("length", 1, 3, "1 bytes"),
            f("request_update", 4, 1, "update_requested (1)"));
    assertThat(annotate("end_of_early_data", new EndOfEarlyData().encode())).containsExactly(
        f("msg_type", 0, 1, "end_of_early_data (5)"), f("length", 1, 3, "0 bytes"));
    assertThat(annotate("finished", new Finished(hex("11".repeat(32))).encode())).containsExactly(
        f("msg_type", 0, 1, "finished (20)"), f("length", 1, 3, "32 bytes"),
        f("verify_data", 4, 32, "11".repeat(32)));
    assertThat(annotate("message_hash", new MessageHash(hex("22".repeat(32))).encode()))
        .containsExactly(f("msg_type", 0, 1, "message_hash (254)"), f("length", 1, 3, "32 bytes"),
            f("hash", 4, 32, "22".repeat(32)));
    assertThat(annotate("early_data", hex("474554202f"))).containsExactly(
        f("data", 0, 5, "5 bytes of early data (0-RTT)"));
    assertThat(Codec.annotate("key_update", TLS13, hex("18 000001 02"))).last().isEqualTo(
        f("undecodable", 5, 0, "key_update.request_update: 2 is neither 0 nor 1 (RFC 8446 §4.6.3)"));
  }

  /** A drop-in for the engines' naming: a ServerHello with the special random is an HRR. */
  @Test
  void handshakeMessageNames() throws Exception {
    HandshakeFrame hrr = HandshakeFrame.frame(HandshakeType.SERVER_HELLO,
        Rfc8448Messages.body(Rfc8448Messages.HELLO_RETRY_REQUEST));
    HandshakeFrame sh = HandshakeFrame.frame(HandshakeType.SERVER_HELLO,
        Rfc8448Messages.body(Rfc8448Messages.SERVER_HELLO));
    assertThat(HandshakeMessageName.of(hrr)).isEqualTo("hello_retry_request");
    assertThat(HandshakeMessageName.of(sh)).isEqualTo("server_hello");
    assertThat(HandshakeMessageName.of(ServerHello.decode(hrr.body())))
        .isEqualTo("hello_retry_request");
    assertThat(HandshakeMessageName.of(new EndOfEarlyData())).isEqualTo("end_of_early_data");
    assertThat(HandshakeMessageName.of(HandshakeFrame.frame(HandshakeType.SERVER_HELLO, hex("0303"))))
        .as("a ServerHello too short to decode keeps its type's name").isEqualTo("server_hello");
    assertThat(HandshakeMessageName.of(HandshakeFrame.frame(HandshakeType.CERTIFICATE,
        new byte[0]))).isEqualTo("certificate");
  }

  @Test
  void negotiatedVersionAndServerRandomComeFromTheDecodedServerHello() {
    ServerHello tls13 = Codec.serverHello(Rfc8448Messages.SERVER_HELLO).orElseThrow().message();
    assertThat(Codec.negotiatedVersion(tls13)).isEqualTo(ProtocolVersion.TLS13);
    assertThat(hex(tls13.random()))
        .isEqualTo("a6af06a4121860dc5e6e60249cd34c95930c8ac5cb1434dac155772ed3e26928");
    ServerHello tls12 = Codec.serverHello(ServerHelloTest.sample().encode()).orElseThrow().message();
    assertThat(Codec.negotiatedVersion(tls12)).isEqualTo(ProtocolVersion.TLS12);
    assertThat(Codec.serverHello(Rfc8448Messages.CLIENT_HELLO)).isEmpty();
    assertThat(Codec.serverHello(hex("02 000002 0303"))).isEmpty();
  }

  /** The MITM's offsets: each cipher suite and extension type where the codec found it. */
  @Test
  void clientHelloSpansForInPlaceRewrites() {
    Decoded<ClientHello> hello = Codec.clientHello(Rfc8448Messages.CLIENT_HELLO).orElseThrow();
    assertThat(hello.message().cipherSuites()).containsExactly(0x1301, 0x1303, 0x1302);
    assertThat(hello.field("cipher_suites[1]")).contains(
        f("cipher_suites[1]", 43, 2, "TLS_CHACHA20_POLY1305_SHA256 (0x1303)"));
    assertThat(hello.field("extensions[4].type")).contains(
        f("extensions[4].type", 99, 2, "key_share (51)"));
    assertThat(hello.field("extensions[99].type")).isEmpty();
    assertThat(Codec.clientHello(Rfc8448Messages.SERVER_HELLO)).isEmpty();
  }
}
