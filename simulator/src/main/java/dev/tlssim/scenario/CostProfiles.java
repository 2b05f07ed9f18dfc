package dev.tlssim.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tlssim.sim.CostProfile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/** The shipped cost profiles (resources/cost-profiles/*.json: operation → nanoseconds). */
public final class CostProfiles {
  private CostProfiles() {}

  public static CostProfile defaultProfile() {
    return load("default");
  }

  public static CostProfile load(String name) {
    try (InputStream in = CostProfiles.class.getResourceAsStream("/cost-profiles/" + name + ".json")) {
      if (in == null) {
        throw new IllegalArgumentException("no shipped cost profile '" + name + "'");
      }
      JsonNode root = new ObjectMapper().readTree(in);
      Map<String, Long> costs = new LinkedHashMap<>();
      root.get("costsNanos").properties().forEach(e -> costs.put(e.getKey(), e.getValue().asLong()));
      return new CostProfile(name, costs);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
