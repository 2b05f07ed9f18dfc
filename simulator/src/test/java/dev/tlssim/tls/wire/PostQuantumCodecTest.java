package dev.tlssim.tls.wire;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tlssim.tls.CipherSuite;
import dev.tlssim.tls.ContentType;
import dev.tlssim.tls.NamedGroup;
import dev.tlssim.tls.ProtocolVersion;
import dev.tlssim.tls.SignatureScheme;
import dev.tlssim.tls.core.TlsEndpoint;
import dev.tlssim.tls.testing.Pipe;
import dev.tlssim.tls.testing.TestPki;
import dev.tlssim.tls.testing.WebPki;
import dev.tlssim.tls.v13.Tls13;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The codec's annotation of post-quantum key shares and ML-DSA signatures, on the first flights
 * our own TLS 1.3 client and server send: each part of a hybrid key_exchange is a field of its
 * own, in the order of draft-ietf-tls-ecdhe-mlkem (ML-KEM first for X25519MLKEM768, the P-256
 * point first for SecP256r1MLKEM768), and ML-DSA signatures say their FIPS 204 size.
 */
class PostQuantumCodecTest {
  private static final HexFormat HEX = HexFormat.of();

  /** The ClientHello and ServerHello (headers included) of a handshake offering and choosing {@code group}. */
  private static byte[][] hellos(NamedGroup group, NamedGroup fallback) {
    List<NamedGroup> groups = List.of(group, fallback);
    TlsEndpoint client = Tls13.client(TestPki.client13().withGroups(groups).withKeyShareGroups(groups),
        Pipe.seeded(2), WebPki.NOW);
    TlsEndpoint server = Tls13.server(TestPki.ecServer13().withGroups(groups), Pipe.seeded(1), WebPki.NOW);
    client.start();
    byte[] flight = client.drainOutput();
    server.receive(flight);
    TlsRecord serverHello = Pipe.records(server.drainOutput()).get(0);
    assertThat(serverHello.type()).isEqualTo(ContentType.HANDSHAKE);
    return new byte[][] {Pipe.records(flight).get(0).fragment(), serverHello.fragment()};
  }

  private static List<Field> annotate(String name, byte[] message) {
    List<Field> fields = Codec.annotate(name, ProtocolVersion.TLS13, message);
    CodecTest.assertTiles(fields, message.length);
    return fields;
  }

  private static Field named(List<Field> fields, String name) {
    return fields.stream().filter(f -> f.name().equals(name)).findFirst()
        .orElseThrow(() -> new AssertionError("no field " + name + " in " + fields));
  }

  /** The fields under {@code prefix} (a key share), with prefix removed from their names. */
  private static List<Field> under(List<Field> fields, String prefix) {
    return fields.stream().filter(f -> f.name().startsWith(prefix))
        .map(f -> new Field(f.name().substring(prefix.length()), f.offset(), f.length(), f.value())).toList();
  }

  /** The key_share extension's prefix ("extensions[i].") in these fields. */
  private static String keyShare(List<Field> fields) {
    Field type = fields.stream().filter(f -> f.value().equals("key_share (51)")).findFirst().orElseThrow();
    return type.name().substring(0, type.name().length() - "type".length());
  }

  private static String part(String label, byte[] message, int offset, int length) {
    byte[] b = Arrays.copyOfRange(message, offset, offset + length);
    return label + " (" + length + " B): " + (length <= 32 ? HEX.formatHex(b) : HEX.formatHex(b, 0, 16) + "...");
  }

  @Test
  void x25519Mlkem768SharesAreSplitIntoTheEncapsulationKeyOrCiphertextThenX25519() {
    byte[][] m = hellos(NamedGroup.X25519MLKEM768, NamedGroup.X25519);
    byte[] ch = m[0];
    List<Field> client = annotate("client_hello", ch);
    String ks = keyShare(client);
    int g = named(client, ks + "client_shares[0].group").offset();
    assertThat(Arrays.copyOfRange(ch, g, g + 4)).isEqualTo(HEX.parseHex("11ec04c0"));
    assertThat(under(client, ks + "client_shares[")).containsExactly(
        new Field("0].group", g, 2, "X25519MLKEM768 (0x11ec)"),
        new Field("0].key_exchange.length", g + 2, 2, "1216 bytes"),
        new Field("0].key_exchange.mlkem_encapsulation_key", g + 4, 1184,
            part("ML-KEM-768 encapsulation key", ch, g + 4, 1184)),
        new Field("0].key_exchange.x25519_public_key", g + 1188, 32, part("X25519 public key", ch, g + 1188, 32)),
        // The classical share beside it stays one field, as before.
        new Field("1].group", g + 1220, 2, "x25519 (0x001d)"),
        new Field("1].key_exchange.length", g + 1222, 2, "32 bytes"),
        new Field("1].key_exchange", g + 1224, 32, HEX.formatHex(ch, g + 1224, g + 1256)));
    assertThat(named(client, ks + "client_shares.length").value()).isEqualTo("1256 bytes");
    assertThat(client).filteredOn(f -> f.name().contains("named_group_list["))
        .extracting(Field::value).containsExactly("X25519MLKEM768 (0x11ec)", "x25519 (0x001d)");

    byte[] sh = m[1];
    List<Field> server = annotate("server_hello", sh);
    String sks = keyShare(server);
    int s = named(server, sks + "server_share.group").offset();
    assertThat(under(server, sks + "server_share.")).containsExactly(
        new Field("group", s, 2, "X25519MLKEM768 (0x11ec)"),
        new Field("key_exchange.length", s + 2, 2, "1120 bytes"),
        new Field("key_exchange.mlkem_ciphertext", s + 4, 1088, part("ML-KEM-768 ciphertext", sh, s + 4, 1088)),
        new Field("key_exchange.x25519_public_key", s + 1092, 32, part("X25519 public key", sh, s + 1092, 32)));
    assertThat(s + 1124).isEqualTo(sh.length);
  }

  @Test
  void secp256r1Mlkem768PutsTheP256PointFirst() {
    byte[][] m = hellos(NamedGroup.SECP256R1MLKEM768, NamedGroup.SECP256R1);
    byte[] ch = m[0];
    List<Field> client = annotate("client_hello", ch);
    String ks = keyShare(client);
    int g = named(client, ks + "client_shares[0].group").offset();
    // 0x04: the uncompressed point's first byte (SEC 1 §2.3.3, RFC 8446 §4.2.8.2).
    assertThat(ch[g + 4]).isEqualTo((byte) 0x04);
    assertThat(under(client, ks + "client_shares[0].")).containsExactly(
        new Field("group", g, 2, "SecP256r1MLKEM768 (0x11eb)"),
        new Field("key_exchange.length", g + 2, 2, "1249 bytes"),
        new Field("key_exchange.secp256r1_public_key", g + 4, 65,
            part("P-256 public key, uncompressed point", ch, g + 4, 65)),
        new Field("key_exchange.mlkem_encapsulation_key", g + 69, 1184,
            part("ML-KEM-768 encapsulation key", ch, g + 69, 1184)));

    byte[] sh = m[1];
    List<Field> server = annotate("server_hello", sh);
    int s = named(server, keyShare(server) + "server_share.group").offset();
    assertThat(sh[s + 4]).isEqualTo((byte) 0x04);
    assertThat(under(server, keyShare(server) + "server_share.key_exchange.")).containsExactly(
        new Field("length", s + 2, 2, "1153 bytes"),
        new Field("secp256r1_public_key", s + 4, 65, part("P-256 public key, uncompressed point", sh, s + 4, 65)),
        new Field("mlkem_ciphertext", s + 69, 1088, part("ML-KEM-768 ciphertext", sh, s + 69, 1088)));
  }

  @Test
  void mlkem768AloneIsOnePart() {
    byte[][] m = hellos(NamedGroup.MLKEM768, NamedGroup.X25519);
    List<Field> client = annotate("client_hello", m[0]);
    int g = named(client, keyShare(client) + "client_shares[0].group").offset();
    assertThat(under(client, keyShare(client) + "client_shares[0].")).containsExactly(
        new Field("group", g, 2, "MLKEM768 (0x0201)"),
        new Field("key_exchange.length", g + 2, 2, "1184 bytes"),
        new Field("key_exchange.mlkem_encapsulation_key", g + 4, 1184,
            part("ML-KEM-768 encapsulation key", m[0], g + 4, 1184)));
    List<Field> server = annotate("server_hello", m[1]);
    int s = named(server, keyShare(server) + "server_share.group").offset();
    assertThat(under(server, keyShare(server) + "server_share.key_exchange.")).containsExactly(
        new Field("length", s + 2, 2, "1088 bytes"),
        new Field("mlkem_ciphertext", s + 4, 1088, part("ML-KEM-768 ciphertext", m[1], s + 4, 1088)));
  }

  /** A share whose length is not its group's is shown whole: its validity is the key exchange's concern. */
  @Test
  void aHybridShareOfTheWrongLengthIsOneField() {
    byte[] hello = ClientHello.of(ProtocolVersion.TLS12, new byte[32], new byte[0], List.of(CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256),
        Extensions.of(new UnknownExtension(ExtensionType.KEY_SHARE.code(),
            KeyShareClientHello.of(KeyShareEntry.of(NamedGroup.X25519MLKEM768, new byte[32])).encodeData())))
        .encode();
    assertThat(annotate("client_hello", hello)).filteredOn(f -> f.name().contains("key_exchange"))
        .extracting(Field::name, Field::length)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("extensions[0].client_shares[0].key_exchange.length", 2),
            org.assertj.core.groups.Tuple.tuple("extensions[0].client_shares[0].key_exchange", 32));
  }

  @Test
  void mlDsaSignaturesAreNamedWithTheirSize() {
    byte[] signature = new byte[3309];
    signature[0] = (byte) 0xab;
    List<Field> fields = annotate("certificate_verify",
        CertificateVerify.of(SignatureScheme.MLDSA65, signature).encode());
    assertThat(fields).containsExactly(
        new Field("msg_type", 0, 1, "certificate_verify (15)"),
        new Field("length", 1, 3, "3313 bytes"),
        new Field("algorithm", 4, 2, "mldsa65 (0x0905)"),
        new Field("signature.length", 6, 2, "3309 bytes"),
        new Field("signature", 8, 3309, "ML-DSA-65 signature (3309 B): ab000000000000000000000000000000..."));
    assertThat(annotate("certificate_verify", CertificateVerify.of(SignatureScheme.MLDSA44, new byte[2420]).encode())
        .get(4).value()).startsWith("ML-DSA-44 signature (2420 B): ");
    assertThat(annotate("certificate_verify", CertificateVerify.of(SignatureScheme.MLDSA87, new byte[4627]).encode())
        .get(4).value()).startsWith("ML-DSA-87 signature (4627 B): ");
    // A size FIPS 204 does not give ML-DSA-44 is said so.
    assertThat(annotate("certificate_verify", CertificateVerify.of(SignatureScheme.MLDSA44, new byte[4]).encode())
        .get(4).value()).isEqualTo("ML-DSA-44 signature (4 B): 00000000, but ML-DSA-44 signatures are 2420 B");
    // Classical signatures keep their plain bytes.
    assertThat(annotate("certificate_verify",
        CertificateVerify.of(SignatureScheme.ECDSA_SECP256R1_SHA256, new byte[] {1, 2}).encode()).get(4).value())
        .isEqualTo("0102");
  }

  @Test
  void signatureAlgorithmsNameTheMlDsaSchemes() {
    byte[] hello = ClientHello.of(ProtocolVersion.TLS12, new byte[32], new byte[0], List.of(CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256),
        Extensions.of(SignatureAlgorithms.of(SignatureScheme.MLDSA44, SignatureScheme.MLDSA65,
            SignatureScheme.MLDSA87, SignatureScheme.ECDSA_SECP256R1_SHA256))).encode();
    assertThat(annotate("client_hello", hello)).filteredOn(f -> f.name().contains("supported_signature_algorithms["))
        .extracting(Field::value)
        .containsExactly("mldsa44 (0x0904)", "mldsa65 (0x0905)", "mldsa87 (0x0906)", "ecdsa_secp256r1_sha256 (0x0403)");
  }
}
