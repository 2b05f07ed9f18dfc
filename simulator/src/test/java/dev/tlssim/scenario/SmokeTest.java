package dev.tlssim.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tlssim.results.SummaryPrinter;
import java.util.List;
import org.junit.jupiter.api.Test;

class SmokeTest {
  @Test
  void runs() {
    String yaml = """
        nodes:
          client: {role: client}
          server: {role: server}
        network: {latency: 50ms}
        timeline:
          - at: 0ms
            connect: {id: c1, from: client, to: server, request: 100B, response: 10000B}
        expect:
          - {connection: c1, tcpConnectMs: 100, responseMs: 200}
        """;
    Scenario s = ScenarioLoader.parse("inline.yaml", "inline", yaml, List.of());
    try (ScenarioRunner r = new ScenarioRunner()) {
      RunResult res = r.run(s);
      SummaryPrinter.print(res.record(), new java.io.PrintWriter(System.out, true));
      res.simulation().trace().forEach(System.out::println);
      assertThat(res.passed()).isTrue();
    }
  }
}
