package dev.tlssim.tls.interop;

import java.util.Arrays;
import java.util.Map;
import java.util.OptionalInt;
import java.util.stream.Collectors;

/**
 * What the bctls peer reports in its {@code BCTLS-RESULT} line: the version, group and suite
 * bctls negotiated (as wire code points) (its own SecurityParameters, not ours) and the length and SHA-256 of the
 * application data it received; a server also reports the CertificateVerify scheme it signed
 * with (RFC 8446 §4.4.3).
 */
record BctlsResult(int version, int group, String groupName, int suite, OptionalInt scheme,
    int receivedLength, String receivedSha256) {
  private static final String PREFIX = "BCTLS-RESULT ";

  static BctlsResult parse(String stderr) {
    String line = stderr.lines().filter(l -> l.startsWith(PREFIX)).findFirst()
        .orElseThrow(() -> new AssertionError("no " + PREFIX + "line from the bctls peer:\n" + stderr));
    Map<String, String> fields = Arrays.stream(line.substring(PREFIX.length()).trim().split(" "))
        .map(f -> f.split("=", 2)).collect(Collectors.toMap(f -> f[0], f -> f[1]));
    return new BctlsResult(Integer.decode(fields.get("version")), Integer.decode(fields.get("group")), fields.get("groupName"),
        Integer.decode(fields.get("suite")),
        fields.containsKey("scheme") ? OptionalInt.of(Integer.decode(fields.get("scheme"))) : OptionalInt.empty(),
        Integer.parseInt(fields.get("receivedLength")),
        fields.get("receivedSha256"));
  }
}
