package dev.tlssim.sweep;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One scenario override of a grid cell: a path as {@code ./tlssim run --set} takes it and the
 * value as written in the sweep file. The value travels as JSON (which is YAML), so lists,
 * mappings, numbers and strings reach the scenario exactly as typed.
 */
public record Setting(String path, JsonNode value) {

  /** The {@code path=value} form {@link dev.tlssim.scenario.ScenarioLoader#parse} applies. */
  public String override() {
    return path + "=" + value.toString();
  }
}
