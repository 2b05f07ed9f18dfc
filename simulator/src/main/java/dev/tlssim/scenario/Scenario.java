package dev.tlssim.scenario;

import dev.tlssim.events.Recording;
import com.fasterxml.jackson.databind.JsonNode;
import dev.tlssim.net.Link;
import dev.tlssim.party.PartyAction;
import dev.tlssim.sim.CostProfile;
import dev.tlssim.tcp.TcpConfig;
import java.util.List;

/**
 * A validated scenario: topology and link conditions, parties, TCP parameters, the cost profile,
 * the timeline and the expectations. {@code effective} is the tree after command-line overrides,
 * written beside the results as scenario.yaml.
 */
public record Scenario(
    String name,
    String description,
    String file,
    long seed,
    long untilNanos,
    List<NodeSpec> nodes,
    List<Link> links,
    CostProfile costs,
    List<TimelineEntry> timeline,
    List<Expectation> expectations,
    List<Compare> comparisons,
    PkiSpec pki,
    boolean keyLog,
    boolean capture,
    Recording recording,
    JsonNode effective,
    CellCrypto cellCrypto) {

  /** A scenario whose runs draw everything from their own seed (no {@link CellCrypto}). */
  public Scenario(String name, String description, String file, long seed, long untilNanos, List<NodeSpec> nodes,
      List<Link> links, CostProfile costs, List<TimelineEntry> timeline, List<Expectation> expectations,
      List<Compare> comparisons, PkiSpec pki, boolean keyLog, boolean capture, Recording recording,
      JsonNode effective) {
    this(name, description, file, seed, untilNanos, nodes, links, costs, timeline, expectations, comparisons, pki,
        keyLog, capture, recording, effective, null);
  }

  public enum Role { CLIENT, SERVER, ROUTER, CA, MITM }

  /** A node; {@code tls} is null for plain TCP, {@code ca} is set for CA nodes only. */
  public record NodeSpec(String name, Role role, int cores, List<Integer> listen, TcpConfig tcp, TlsSpec tls,
      CaSpec ca, MitmSpec mitm) {}

  /**
   * What a CA node hosts: an authority of the PKI, which names it issues for on request
   * ({@code allow}: domain suffixes; empty: any) and for how long.
   */
  public record CaSpec(String authority, List<String> allow, long validForNanos) {}

  /** A scripted action: a {@link PartyAction} for the node, or a {@link Load} the runner expands. */
  /** A connection to compare against a baseline connection (e.g. resumed against full). */
  public record Compare(String baseline, String candidate) {}

  public record TimelineEntry(long atNanos, String node, Object action) {}

  public Scenario withSeed(long newSeed) {
    return new Scenario(name, description, file, newSeed, untilNanos, nodes, links, costs, timeline, expectations,
        comparisons, pki, keyLog, capture, recording, effective, cellCrypto);
  }

  /** The same scenario recorded at another level (its numbers do not change). */
  public Scenario withRecording(Recording level) {
    return new Scenario(name, description, file, seed, untilNanos, nodes, links, costs, timeline, expectations,
        comparisons, pki, keyLog, capture, level, effective, cellCrypto);
  }

  /** The same scenario with its cryptographic draws from {@code crypto}'s seed, reusing its memo. */
  public Scenario withCellCrypto(CellCrypto crypto) {
    return new Scenario(name, description, file, seed, untilNanos, nodes, links, costs, timeline, expectations,
        comparisons, pki, keyLog, capture, recording, effective, crypto);
  }
}
