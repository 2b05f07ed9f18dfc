package dev.tlssim.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tlssim.cli.TlssimCommand;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each class of mistake gives its located message and exit code 2, never a stack trace. */
class ScenarioErrorsTest {
  private static final String GOOD = """
      nodes:
        client: {role: client}
        server: {role: server}
      network:
        latency: 50ms
      timeline:
        - at: 0ms
          connect: {id: c1, from: client, to: server, request: 100B, response: 1KB}
      expect:
        - {connection: c1, responseMs: 200}
      """;

  @TempDir
  Path dir;

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "unknown key      | latency: 50ms                        | latnecy: 50ms                 | bad.yaml:5:3: network.latnecy: unknown key 'latnecy' (did you mean 'latency'?)",
      "wrong unit       | latency: 50ms                        | latency: 50                   | bad.yaml:5:12: network.latency: '50' has no unit: write e.g. 50ms",
      "unknown unit     | latency: 50ms                        | latency: 50 parsecs           | bad.yaml:5:12: network.latency: '50 parsecs': unknown time unit 'parsecs' (use ns, us, ms, s, min, h or d)",
      "negative latency | latency: 50ms                        | latency: -5ms                 | bad.yaml:5:12: network.latency: '-5ms' must not be negative",
      "missing party    | to: server,                          | to: sever,                    | bad.yaml:8:41: timeline[0].connect.to: unknown node 'sever' (nodes: client, server)",
      "wrong role       | from: client, to: server             | from: server, to: server      | bad.yaml:8:29: timeline[0].connect.from: node 'server' is a server, not a client",
      "load too large   | connect: {id: c1, from: client, to: server, request: 100B, response: 1KB} | load: {id: c, from: client, to: server, count: 1000001, rate: 100/s} | bad.yaml:8:52: timeline[0].load.count: a load has at most 1000000 connections, got 1000001 (split it into several loads)",
      "bad percentage   | latency: 50ms                        | loss: 200%                    | bad.yaml:5:9: network.loss: '200%' must be between 0% and 100%",
      "unknown field    | responseMs: 200                      | respnseMs: 200                | bad.yaml:10:22: expect[0].respnseMs: unknown key 'respnseMs' (did you mean 'responseMs'?)",
      "unknown conn     | {connection: c1,                     | {connection: c9,              | bad.yaml:10:18: expect[0].connection: no connection 'c9' in the timeline",
      "bad yaml         | latency: 50ms                        | latency: [50ms                | bad.yaml:6:9: not valid YAML: while parsing a flow sequence; expected ',' or ']', but got :",
      "unknown preset   | latency: 50ms                        | preset: moon                  | bad.yaml:5:11: network.preset: unknown preset 'moon' (known: lan, broadband, transatlantic, mobile-3g, satellite-geo, lossy-wifi)",
      "duplicate key    | latency: 50ms                        | latency: 50ms\\n  latency: 60ms | bad.yaml:6:3: latency: duplicate key",
      "unknown level    | network:                             | recording: verbose\\nnetwork:     | bad.yaml:4:12: recording: recording is full (every event, messages with their bytes), events (every event, no bytes) or summary (only the metrics), got 'verbose'",
  })
  void mistakesAreLocatedAndExitWithTwo(String what, String good, String bad, String message) throws IOException {
    String text = GOOD.replace(good, bad.replace("\\n", "\n"));
    assertThat(text).as("the test edits the scenario").isNotEqualTo(GOOD);
    Path file = dir.resolve("bad.yaml");
    Files.writeString(file, text);
    StringWriter err = new StringWriter();
    var cl = TlssimCommand.commandLine();
    cl.setErr(new PrintWriter(err));
    cl.setOut(new PrintWriter(new StringWriter()));
    int code = cl.execute("run", file.toString(), "--out", dir.resolve("out").toString());
    assertThat(code).isEqualTo(2);
    String shown = err.toString().replace(dir.toString() + "/", "");
    assertThat(shown).startsWith(message);
    assertThat(shown).doesNotContain("Exception").doesNotContain("\tat ");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "bad set path   | network.latency        | bad.yaml (--set network.latency): network.latency: '-1ms' must not be negative",
      "missing equals | network.latency        | --set network.latency-1ms: expected path=value",
  })
  void badOverridesAreReported(String what, String path, String message) throws IOException {
    Path file = dir.resolve("bad.yaml");
    Files.writeString(file, GOOD);
    StringWriter err = new StringWriter();
    var cl = TlssimCommand.commandLine();
    cl.setErr(new PrintWriter(err));
    cl.setOut(new PrintWriter(new StringWriter()));
    String set = what.startsWith("missing") ? path + "-1ms" : path + "=-1ms";
    int code = cl.execute("run", file.toString(), "--set", set, "--out", dir.resolve("out").toString());
    assertThat(code).isEqualTo(2);
    assertThat(err.toString().replace(dir.toString() + "/", "")).startsWith(message);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "missing file | nothing.yaml | cannot read the file",
  })
  void unreadableFilesAreReported(String what, String name, String message) {
    StringWriter err = new StringWriter();
    var cl = TlssimCommand.commandLine();
    cl.setErr(new PrintWriter(err));
    int code = cl.execute("run", dir.resolve(name).toString());
    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains(message);
  }
}
