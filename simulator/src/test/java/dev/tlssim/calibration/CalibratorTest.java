package dev.tlssim.calibration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tlssim.pki.KeyPool;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * One quick calibration per test class (the RSA-4096 key is generated once per process by the
 * key pool's cache). Only relations inherent to the algorithms are asserted: with e = 65537 an RSA
 * public operation is a handful of modular squarings while the private one is a full-size
 * exponentiation (CRT halves it, it stays ~20× dearer), and doubling the modulus makes the private
 * operation ~6–8× dearer. Cross-algorithm comparisons (RSA vs ECDSA) depend on JIT warm-up and
 * are checked on the shipped profile instead (DefaultProfileTest).
 */
class CalibratorTest {
  static CalibrationResult quick;
  static final List<String> progress = new ArrayList<>();

  @BeforeAll
  static void calibrateOnce() {
    quick = new Calibrator(new KeyPool(Calibrator.DEFAULT_SEED), Calibrator.Settings.quick(5)).run(progress::add);
  }

  @Test
  void measuresEveryOperationWithAPositiveCost() {
    Map<String, Long> costs = quick.costsNanos();
    List<String> expected = new ArrayList<>(Arrays.stream(CostOperation.values()).map(CostOperation::id).toList());
    expected.add("app.response");
    for (dev.tlssim.sim.StackOverhead o : dev.tlssim.sim.StackOverhead.values()) {
      expected.add(o.id());
    }
    assertThat(costs.keySet()).containsExactlyElementsOf(expected);
    assertThat(quick.measurements()).allSatisfy(m -> assertThat(m.medianNanos()).isPositive());
    assertThat(costs).containsEntry("app.response", 50_000L);
    assertThat(quick.measurements()).allSatisfy(m -> {
      assertThat(m.runs()).isEqualTo(5);
      assertThat(m.minNanos()).isLessThanOrEqualTo(m.medianNanos());
      assertThat(m.medianNanos()).isLessThanOrEqualTo(m.maxNanos());
    });
  }

  @Test
  void operationNamesAreTheOnesTheEngineReports() {
    assertThat(Arrays.stream(CostOperation.values()).map(CostOperation::id)).containsExactly(
        "rsa2048.sign", "rsa2048.decrypt", "rsa2048.encrypt", "rsa2048.verify",
        "rsa4096.sign", "rsa4096.decrypt", "rsa4096.encrypt", "rsa4096.verify",
        "ecdsa-p256.sign", "ecdsa-p256.verify", "x25519.keygen", "x25519.agree",
        "secp256r1.keygen", "secp256r1.agree", "mlkem768.keygen", "mlkem768.encaps", "mlkem768.decaps",
        "mldsa44.sign", "mldsa44.verify", "mldsa65.sign", "mldsa65.verify",
        "prf.master-secret", "prf.key-block", "prf.finished", "ticket.seal", "ticket.open");
    assertThat(CostOperation.fromId("x25519.agree")).contains(CostOperation.X25519_AGREE);
    assertThat(CostOperation.fromId("rsa2048.private")).isEmpty();
  }

  @Test
  void privateKeyOperationsCostMoreThanPublicOnes() {
    Map<String, Long> c = quick.costsNanos();
    assertThat(c.get("rsa2048.sign")).isGreaterThan(c.get("rsa2048.verify"));
    assertThat(c.get("rsa2048.decrypt")).isGreaterThan(c.get("rsa2048.encrypt"));
    assertThat(c.get("rsa4096.sign")).isGreaterThan(c.get("rsa4096.verify"));
    assertThat(c.get("rsa4096.decrypt")).isGreaterThan(c.get("rsa4096.encrypt"));
  }

  @Test
  void largerRsaKeysCostMore() {
    Map<String, Long> c = quick.costsNanos();
    assertThat(c.get("rsa4096.sign")).isGreaterThan(c.get("rsa2048.sign"));
    assertThat(c.get("rsa4096.decrypt")).isGreaterThan(c.get("rsa2048.decrypt"));
  }

  @Test
  void describesMachineAndMethod() {
    assertThat(quick.method()).contains("tlssim calibrate", "BouncyCastle", "median of 5 runs",
        System.getProperty("java.runtime.version"), "app.response");
    assertThat(progress).first().asString().startsWith("preparing keys");
    assertThat(progress).contains("measuring rsa4096.sign", "measuring prf.finished");
  }

  @Test
  void resultIsImmutableAndBecomesACostProfile() {
    assertThatThrownBy(() -> quick.costsNanos().put("x", 1L)).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> quick.measurements().clear()).isInstanceOf(UnsupportedOperationException.class);
    assertThat(quick.toCostProfile("here").cost("rsa2048.sign")).isEqualTo(quick.costsNanos().get("rsa2048.sign"));
    assertThat(quick.toCostProfile("here").name()).isEqualTo("here");
  }

  @Test
  void settingsAreValidated() {
    assertThatThrownBy(() -> Calibrator.Settings.standard(0)).hasMessageContaining("at least 1");
    assertThatThrownBy(() -> new Calibrator.Settings(5, Duration.ofMillis(-1), 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(Calibrator.Settings.quick(3).warmup()).isZero();
    assertThat(Calibrator.Settings.standard(3).warmup()).isPositive();
  }
}
