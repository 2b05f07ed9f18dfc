package dev.tlssim.calibration;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tlssim.scenario.CostProfiles;
import dev.tlssim.sim.CostProfile;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The shipped default profile (resources/cost-profiles/default.json) was measured by {@code
 * tlssim calibrate} with warm-up; it must cover every operation the engine reports, and, being
 * fixed data, it can be checked for the cross-algorithm relations a cold quick run cannot promise.
 */
class DefaultProfileTest {
  @Test
  void coversEveryOperation() throws Exception {
    JsonNode root;
    try (InputStream in = getClass().getResourceAsStream("/cost-profiles/default.json")) {
      root = new ObjectMapper().readTree(in);
    }
    List<String> fields = new ArrayList<>();
    root.fieldNames().forEachRemaining(fields::add);
    assertThat(fields).containsExactly("description", "machine", "measuredAt", "method", "costsNanos", "sources");
    assertThat(root.get("method").asText()).startsWith("Measured by 'tlssim calibrate' on ");
    for (CostOperation op : CostOperation.values()) {
      assertThat(root.at("/costsNanos/" + op.id()).asLong()).as(op.id()).isPositive();
    }
    assertThat(root.at("/costsNanos/app.response").asLong()).isEqualTo(CalibrationResult.APP_RESPONSE_NANOS);
    assertThat(root.get("costsNanos").size()).isEqualTo(CostProfiles.requiredOperations().size());
  }

  /** Every shipped profile prices exactly the operations the engine charges, and says where each value came from. */
  @Test
  void everyShippedProfileNamesEveryOperationWithItsSource() throws Exception {
    for (String name : CostProfiles.SHIPPED) {
      JsonNode root;
      try (InputStream in = getClass().getResourceAsStream("/cost-profiles/" + name + ".json")) {
        root = new ObjectMapper().readTree(in);
      }
      CostProfile p = CostProfiles.load(name);
      assertThat(p.costs().keySet()).as(name).containsExactlyInAnyOrderElementsOf(CostProfiles.requiredOperations());
      for (String op : CostProfiles.requiredOperations()) {
        assertThat(root.at("/sources/" + op).asText()).as(name + " " + op).isNotBlank();
      }
      for (String field : new String[] {"description", "machine", "measuredAt", "method"}) {
        assertThat(root.get(field).asText()).as(name + " " + field).isNotBlank();
      }
    }
  }

  @Test
  void showsTheExpectedOrdersOfMagnitude() {
    CostProfile p = CostProfiles.defaultProfile();
    assertThat(p.cost("rsa4096.sign")).isGreaterThan(p.cost("rsa2048.sign"));
    assertThat(p.cost("rsa2048.sign")).isGreaterThan(p.cost("ecdsa-p256.sign"));
    assertThat(p.cost("rsa2048.sign")).isGreaterThan(p.cost("rsa2048.verify"));
    assertThat(p.cost("rsa2048.decrypt")).isGreaterThan(p.cost("rsa2048.encrypt"));
    assertThat(p.cost("ecdsa-p256.sign")).isGreaterThan(p.cost("x25519.agree"));
    assertThat(p.cost("x25519.agree")).isGreaterThan(p.cost("prf.master-secret"));
    assertThat(p.cost("prf.master-secret")).isLessThan(100_000);
  }
}
