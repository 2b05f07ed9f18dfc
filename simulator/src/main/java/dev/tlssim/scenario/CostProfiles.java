package dev.tlssim.scenario;

import dev.tlssim.calibration.CalibrationResult;
import dev.tlssim.calibration.CostOperation;
import dev.tlssim.sim.CostProfile;
import dev.tlssim.sim.StackOverhead;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Cost profiles: the shipped ones (resources/cost-profiles/NAME.json) and user files in the same
 * format. A profile must price every operation the engine charges ({@link #requiredOperations()}),
 * even if at zero, so that a forgotten operation is an error rather than a silently free one; a
 * mistake is reported as file:line:column like every other scenario error.
 *
 * <pre>
 * {
 *   "description": "what the profile stands for",
 *   "machine": "where it was measured",
 *   "measuredAt": "when",
 *   "method": "how",
 *   "costsNanos": { "rsa2048.sign": 797448, ... },
 *   "sources": { "rsa2048.sign": "which figure the value came from", ... }
 * }
 * </pre>
 * Only {@code costsNanos} is read into the simulation; the rest documents it.
 */
public final class CostProfiles {
  /** The shipped profiles, as {@code cost: {profile: NAME}} names them ({@code zero} is built in). */
  public static final List<String> SHIPPED = List.of("openssl", "jdk", "bouncycastle", "default");

  static final String[] FIELDS = {"description", "machine", "measuredAt", "method", "costsNanos", "sources"};

  private CostProfiles() {}

  /** Every operation name the engine and parties charge, in the order profiles list them. */
  public static List<String> requiredOperations() {
    List<String> ops = new ArrayList<>();
    for (CostOperation op : CostOperation.values()) {
      ops.add(op.id());
    }
    ops.add(CalibrationResult.APP_RESPONSE);
    for (StackOverhead o : StackOverhead.values()) {
      ops.add(o.id());
    }
    return Collections.unmodifiableList(ops);
  }

  public static CostProfile defaultProfile() {
    return load("default");
  }

  /** A shipped profile by name; an unknown name is a programming error here (scenarios check first). */
  public static CostProfile load(String name) {
    String resource = "cost-profiles/" + name + ".json";
    try (InputStream in = CostProfiles.class.getResourceAsStream("/" + resource)) {
      if (in == null) {
        throw new IllegalArgumentException("no shipped cost profile '" + name + "'");
      }
      return parse(resource, name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A user's profile file; {@code at} is the scenario field naming it, where a file that cannot be
   * read is reported. Mistakes inside the file are located in the file.
   */
  public static CostProfile loadFile(Path file, Cursor at) {
    String text;
    try {
      text = Files.readString(file);
    } catch (IOException e) {
      String why = e instanceof java.nio.file.NoSuchFileException ? "no such file" : String.valueOf(e.getMessage());
      throw at.error("cannot read cost profile " + file + " (" + why + ")");
    }
    return parse(file.toString(), file.toString(), text);
  }

  /** Parses and checks one profile document; {@code file} names it in errors. */
  public static CostProfile parse(String file, String name, String text) {
    LocatedTree tree = LocatedTree.parse(file, text);
    if (!tree.root().isObject()) {
      throw new ScenarioException(file, 1, 1, null, "a cost profile is a mapping with costsNanos: {operation: ns}");
    }
    Cursor root = Cursor.root(tree).allowOnly(FIELDS);
    Cursor costs = root.get("costsNanos").require();
    if (!costs.isObject()) {
      throw costs.error("expected a mapping of operation names to nanoseconds");
    }
    List<String> required = requiredOperations();
    costs.allowOnly(required.toArray(new String[0]));
    Map<String, Long> values = new LinkedHashMap<>();
    for (String op : required) {
      Cursor value = costs.get(op);
      if (!value.present()) {
        throw value.error("missing operation '" + op + "': a profile prices every operation the engine charges"
            + " (0 if it is free)");
      }
      values.put(op, value.integer(0, Long.MAX_VALUE));
    }
    return new CostProfile(name, values);
  }
}
