package dev.tlssim.matrix;

import dev.tlssim.results.ConnectionSummary;
import dev.tlssim.scenario.ClientPolicy;
import dev.tlssim.scenario.RunResult;
import dev.tlssim.scenario.Scenario;
import dev.tlssim.scenario.ScenarioLoader;
import dev.tlssim.scenario.ScenarioRunner;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Every attack of the catalog against every named client policy. An attack scenario has a victim
 * client node named {@code client} whose connection {@code c1} the attacker goes after; the
 * matrix overrides that client's policy and reads what became of c1.
 */
public final class AttackMatrix {
  public static final String VICTIM_NODE = "client";
  public static final String VICTIM_CONNECTION = "c1";

  private AttackMatrix() {}

  public record Result(List<String> attacks, List<String> policies, List<MatrixCell> cells) {
    public MatrixCell cell(String attack, String policy) {
      return cells.stream().filter(c -> c.attack().equals(attack) && c.policy().equals(policy)).findFirst()
          .orElseThrow();
    }
  }

  public static Result run(List<Path> attackFiles, ScenarioRunner runner) {
    List<String> policies = new ArrayList<>();
    for (ClientPolicy p : ClientPolicy.values()) {
      policies.add(p.key());
    }
    List<String> attacks = new ArrayList<>();
    List<CompletableFuture<MatrixCell>> futures = new ArrayList<>();
    for (Path file : attackFiles) {
      String attack = file.getFileName().toString().replaceFirst("\\.ya?ml$", "");
      attacks.add(attack);
      for (String policy : policies) {
        Scenario s = ScenarioLoader.load(file, List.of("nodes." + VICTIM_NODE + ".tls.policy=" + policy));
        futures.add(runner.start(s).thenApply(r -> MatrixCell.of(attack, policy, victim(r, file))));
      }
    }
    List<MatrixCell> cells = futures.stream().map(CompletableFuture::join).toList();
    return new Result(attacks, policies, cells);
  }

  private static ConnectionSummary victim(RunResult r, Path file) {
    return r.connections().stream().filter(c -> c.id().equals(VICTIM_CONNECTION)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException(file + " has no connection " + VICTIM_CONNECTION));
  }
}
