package dev.tlssim.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tlssim.tls.CipherSuite;
import dev.tlssim.tls.inspect.EcdheStep;
import dev.tlssim.tls.inspect.KeyBlockPart;
import dev.tlssim.tls.inspect.KeyBlockStep;
import dev.tlssim.tls.inspect.KeyDerivationWalkthrough;
import dev.tlssim.tls.inspect.Octets;
import dev.tlssim.tls.inspect.PrfStep;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code tlssim keys}: prints how one TLS 1.2 connection turns its premaster secret into session
 * keys. The computation is {@link KeyDerivationWalkthrough}'s; this class parses the options and
 * lays the steps out as text or JSON.
 */
@Command(
    name = "keys",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    customSynopsis = {
        "keys --suite=NAME --client-random=HEX --server-random=HEX",
        "     (--premaster=HEX | --x25519-private=HEX --peer-public=HEX)",
        "     [--ems-hash=HEX] [--json]"},
    description = {
        "Shows the TLS 1.2 key derivation step by step: the optional X25519 agreement (RFC 8422 §5.10), "
            + "the master secret (RFC 5246 §8.1, or RFC 7627 §4 with --ems-hash) and the key block "
            + "(RFC 5246 §6.3) split into the write keys of the suite.",
        "Give the premaster secret with --premaster, or compute it with --x25519-private and --peer-public."},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:keys derived and printed", "2:invalid input (message on stderr)"})
public final class KeysCommand implements Callable<Integer> {
  static final int EXIT_OK = 0;
  static final int EXIT_BAD_INPUT = 2;

  @Spec CommandSpec spec;

  @Option(names = "--suite", paramLabel = "NAME", description = "Cipher suite (required), e.g. TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256.")
  String suite;

  @Option(names = "--client-random", paramLabel = "HEX", description = "ClientHello.random, 32 bytes (required).")
  String clientRandom;

  @Option(names = "--server-random", paramLabel = "HEX", description = "ServerHello.random, 32 bytes (required).")
  String serverRandom;

  @Option(names = "--premaster", paramLabel = "HEX", description = "The pre_master_secret.")
  String premaster;

  @Option(names = "--x25519-private", paramLabel = "HEX", description = "Our X25519 private key, 32 bytes (instead of --premaster).")
  String x25519Private;

  @Option(names = "--peer-public", paramLabel = "HEX", description = "The peer's X25519 public key, 32 bytes (with --x25519-private).")
  String peerPublic;

  @Option(names = "--ems-hash", paramLabel = "HEX",
      description = "session_hash: derive the extended master secret (RFC 7627) from this handshake hash.")
  String emsHash;

  @Option(names = "--json", description = "Print the walkthrough as JSON.")
  boolean json;

  @Override
  public Integer call() {
    KeyDerivationWalkthrough walkthrough;
    try {
      walkthrough = compute();
    } catch (IllegalArgumentException e) {
      spec.commandLine().getErr().println("tlssim keys: " + e.getMessage());
      spec.commandLine().getErr().flush();
      return EXIT_BAD_INPUT;
    }
    PrintWriter out = spec.commandLine().getOut();
    out.print(json ? toJson(walkthrough) : toText(walkthrough));
    out.flush();
    return EXIT_OK;
  }

  private KeyDerivationWalkthrough compute() {
    CipherSuite cipherSuite = parseSuite(require("--suite", suite));
    byte[] client = hex("--client-random", require("--client-random", clientRandom));
    byte[] server = hex("--server-random", require("--server-random", serverRandom));
    Optional<byte[]> sessionHash = Optional.ofNullable(emsHash).map(h -> hex("--ems-hash", h));
    if ((premaster == null) == (x25519Private == null)) {
      throw new IllegalArgumentException("give exactly one of --premaster and --x25519-private");
    }
    if (premaster != null) {
      if (peerPublic != null) {
        throw new IllegalArgumentException("--peer-public goes with --x25519-private, not with --premaster");
      }
      return KeyDerivationWalkthrough.fromPreMasterSecret(
          cipherSuite, client, server, hex("--premaster", premaster), sessionHash);
    }
    byte[] peer = hex("--peer-public", require("--peer-public", peerPublic));
    return KeyDerivationWalkthrough.fromX25519(
        cipherSuite, client, server, hex("--x25519-private", x25519Private), peer, sessionHash);
  }

  private static String require(String option, String value) {
    if (value == null) {
      throw new IllegalArgumentException("missing " + option);
    }
    return value;
  }

  private static CipherSuite parseSuite(String name) {
    String wanted = name.trim().toUpperCase(Locale.ROOT);
    return Arrays.stream(CipherSuite.values())
        .filter(s -> s.name().equals(wanted))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("unknown cipher suite '" + name + "'; known suites: "
            + Arrays.stream(CipherSuite.values()).map(Enum::name).collect(Collectors.joining(", "))));
  }

  /** Hex digits in either case; whitespace and ':' separators (as in Wireshark copies) are ignored. */
  private static byte[] hex(String option, String text) {
    String digits = text.replaceAll("[\\s:]", "");
    if (digits.startsWith("0x") || digits.startsWith("0X")) {
      digits = digits.substring(2);
    }
    if (digits.isEmpty() || digits.length() % 2 != 0 || !digits.matches("[0-9a-fA-F]+")) {
      throw new IllegalArgumentException(option + " is not a hex byte string: '" + text + "'");
    }
    return HexFormat.of().parseHex(digits);
  }

  static String toText(KeyDerivationWalkthrough w) {
    StringBuilder b = new StringBuilder();
    CipherSuite suite = w.suite();
    line(b, String.format(Locale.ROOT, "TLS 1.2 key derivation for %s (0x%04x), PRF hash %s",
        suite.name(), suite.code(), suite.prfHash()));
    line(b, "");
    line(b, "Inputs");
    row(b, "client_random", w.clientRandom());
    row(b, "server_random", w.serverRandom());
    w.ecdhe().ifPresentOrElse(e -> {
      row(b, e.group().rfcName() + " private key", e.privateKey());
      row(b, "peer public key", e.peerPublicKey());
    }, () -> row(b, "pre_master_secret", w.preMasterSecret()));
    if (w.extendedMasterSecret()) {
      row(b, "session_hash", w.masterSecret().seed());
    }
    int step = 1;
    if (w.ecdhe().isPresent()) {
      EcdheStep e = w.ecdhe().get();
      line(b, "");
      line(b, "Step " + step++ + ": ECDHE premaster secret (RFC 7748 §6.1, RFC 8422 §5.10)");
      line(b, "  public key = X25519(private key, 9), the value we send in our key exchange message");
      row(b, "public key", e.publicKey());
      line(b, "  pre_master_secret = X25519(private key, peer public key), used as is");
      row(b, "pre_master_secret", e.sharedSecret());
    }
    PrfStep master = w.masterSecret();
    line(b, "");
    line(b, "Step " + step++ + ": " + (w.extendedMasterSecret() ? "extended master secret" : "master secret")
        + " (" + master.reference() + ")");
    prf(b, master);
    row(b, "master_secret", master.output());

    KeyBlockStep block = w.keyBlock();
    line(b, "");
    line(b, "Step " + step++ + ": key block (" + block.derivation().reference() + ")");
    prf(b, block.derivation());
    line(b, String.format(Locale.ROOT, "  %-22s %d bytes = 2 x (%d MAC key + %d key + %d IV)", "length",
        block.length(), block.macKeyLength(), block.encKeyLength(), block.fixedIvLength()));
    row(b, "key_block", block.derivation().output());

    line(b, "");
    line(b, "Step " + step + ": key block split (RFC 5246 §6.3)");
    for (KeyBlockPart part : block.parts()) {
      String range = part.length() == 0
          ? "-"
          : "[" + part.offset() + ".." + (part.offset() + part.length() - 1) + "]";
      line(b, String.format(Locale.ROOT, "  %-22s %-9s %-11s %s", part.name(), range,
          "(" + part.length() + " bytes)", part.value().hex()).stripTrailing());
    }
    for (String note : w.notes()) {
      line(b, "  note: " + note);
    }
    return b.toString();
  }

  private static void prf(StringBuilder b, PrfStep step) {
    line(b, "  " + step.formula());
    line(b, String.format(Locale.ROOT, "  %-22s P_%s (RFC 5246 §5)", "PRF", step.hash()));
    line(b, String.format(Locale.ROOT, "  %-22s \"%s\"", "label", step.label()));
    line(b, String.format(Locale.ROOT, "  %-22s %s", "seed", step.seedDescription()));
    row(b, "", step.seed());
  }

  private static void row(StringBuilder b, String name, Octets value) {
    line(b, String.format(Locale.ROOT, "  %-22s %-11s %s", name, "(" + value.length() + " bytes)", value.hex()));
  }

  private static void line(StringBuilder b, String text) {
    b.append(text).append(System.lineSeparator());
  }

  static String toJson(KeyDerivationWalkthrough w) {
    ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ObjectNode root = mapper.createObjectNode();
    ObjectNode suite = root.putObject("suite");
    suite.put("name", w.suite().name());
    suite.put("code", String.format(Locale.ROOT, "0x%04x", w.suite().code()));
    suite.put("prfHash", w.suite().prfHash());
    ObjectNode inputs = root.putObject("inputs");
    inputs.put("clientRandom", w.clientRandom().hex());
    inputs.put("serverRandom", w.serverRandom().hex());
    if (w.extendedMasterSecret()) {
      inputs.put("sessionHash", w.masterSecret().seed().hex());
    }
    w.ecdhe().ifPresent(e -> {
      ObjectNode ecdhe = root.putObject("ecdhe");
      ecdhe.put("reference", "RFC 7748 §6.1, RFC 8422 §5.10");
      ecdhe.put("group", e.group().rfcName());
      ecdhe.put("privateKey", e.privateKey().hex());
      ecdhe.put("publicKey", e.publicKey().hex());
      ecdhe.put("peerPublicKey", e.peerPublicKey().hex());
      ecdhe.put("sharedSecret", e.sharedSecret().hex());
    });
    root.put("preMasterSecret", w.preMasterSecret().hex());
    ObjectNode master = prfJson(root.putObject("masterSecret"), w.masterSecret());
    master.put("extended", w.extendedMasterSecret());
    KeyBlockStep block = w.keyBlock();
    ObjectNode keyBlock = prfJson(root.putObject("keyBlock"), block.derivation());
    keyBlock.put("macKeyLength", block.macKeyLength());
    keyBlock.put("encKeyLength", block.encKeyLength());
    keyBlock.put("fixedIvLength", block.fixedIvLength());
    ArrayNode parts = keyBlock.putArray("parts");
    for (KeyBlockPart part : block.parts()) {
      ObjectNode p = parts.addObject();
      p.put("name", part.name());
      p.put("offset", part.offset());
      p.put("length", part.length());
      p.put("value", part.value().hex());
    }
    ArrayNode notes = root.putArray("notes");
    w.notes().forEach(notes::add);
    try {
      return mapper.writeValueAsString(root) + System.lineSeparator();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a tree of strings and numbers always serializes", e);
    }
  }

  private static ObjectNode prfJson(ObjectNode node, PrfStep step) {
    node.put("reference", step.reference());
    node.put("formula", step.formula());
    node.put("hash", step.hash());
    node.put("label", step.label());
    node.put("seedDescription", step.seedDescription());
    node.put("seed", step.seed().hex());
    node.put("length", step.output().length());
    node.put("output", step.output().hex());
    return node;
  }
}
