package dev.tlssim.scenario;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * A YAML document as a Jackson tree, plus where each node came from (line and column by JSON
 * pointer), so that mistakes found long after parsing can still point at the right spot.
 */
public final class LocatedTree {
  private static final YAMLFactory YAML = new YAMLFactory();

  private final String file;
  private final JsonNode root;
  private final Map<String, int[]> locations;

  private LocatedTree(String file, JsonNode root, Map<String, int[]> locations) {
    this.file = file;
    this.root = root;
    this.locations = locations;
  }

  public String file() {
    return file;
  }

  public JsonNode root() {
    return root;
  }

  /** Line and column (1-based) of the value at {@code pointer}, or of its nearest located parent. */
  public int[] location(String pointer) {
    return lookup(pointer, VALUE);
  }

  /** Line and column of the key that names the node at {@code pointer} (for "unknown key"). */
  public int[] keyLocation(String pointer) {
    return lookup(pointer, "");
  }

  private static final String VALUE = "#value";

  private int[] lookup(String pointer, String suffix) {
    int[] overridden = locations.get(pointer + OVERRIDE);
    if (overridden != null) {
      return overridden;
    }
    String p = pointer;
    while (true) {
      int[] loc = locations.get(p + suffix);
      if (loc == null && !suffix.isEmpty()) {
        loc = locations.get(p);
      }
      if (loc != null) {
        return loc;
      }
      if (p.isEmpty()) {
        return new int[] {0, 0};
      }
      p = p.substring(0, Math.max(0, p.lastIndexOf('/')));
    }
  }

  /** Records that the node at {@code pointer} was set on the command line (no file location). */
  void markOverridden(String pointer) {
    locations.put(pointer + OVERRIDE, new int[] {-1, -1});
  }

  private static final String OVERRIDE = "#set";

  public static LocatedTree parse(String file, String text) {
    Map<String, int[]> locations = new HashMap<>();
    try (JsonParser p = YAML.createParser(text)) {
      JsonToken t = p.nextToken();
      if (t == null) {
        throw new ScenarioException(file, 1, 1, null, "the file is empty");
      }
      JsonNode root = read(file, p, "", locations);
      if (p.nextToken() != null) {
        JsonLocation l = p.currentTokenLocation();
        throw new ScenarioException(file, l.getLineNr(), l.getColumnNr(), null, "only one YAML document per scenario");
      }
      return new LocatedTree(file, root, locations);
    } catch (JsonProcessingException e) {
      JsonLocation l = e.getLocation();
      // SnakeYAML's message spans lines with excerpts and carets; keep its sentences only.
      StringBuilder msg = new StringBuilder();
      for (String line : e.getOriginalMessage().split("\n")) {
        if (!line.isBlank() && !Character.isWhitespace(line.charAt(0))) {
          msg.append(msg.length() == 0 ? "" : "; ").append(line.trim());
        }
      }
      throw new ScenarioException(file, l == null ? 0 : l.getLineNr(), l == null ? 0 : l.getColumnNr(), null,
          "not valid YAML: " + msg);
    } catch (IOException e) {
      throw new ScenarioException(file, 0, 0, null, "cannot read: " + e.getMessage());
    }
  }

  private static JsonNode read(String file, JsonParser p, String pointer, Map<String, int[]> locations)
      throws IOException {
    JsonLocation start = p.currentTokenLocation();
    locations.put(pointer + VALUE, new int[] {start.getLineNr(), start.getColumnNr()});
    locations.putIfAbsent(pointer, new int[] {start.getLineNr(), start.getColumnNr()});
    JsonNodeFactory f = JsonNodeFactory.instance;
    switch (p.currentToken()) {
      case START_OBJECT -> {
        ObjectNode o = f.objectNode();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String name = p.currentName();
          JsonLocation keyLoc = p.currentTokenLocation();
          String child = pointer + "/" + escape(name);
          if (o.has(name)) {
            throw new ScenarioException(file, keyLoc.getLineNr(), keyLoc.getColumnNr(), name, "duplicate key");
          }
          locations.put(child, new int[] {keyLoc.getLineNr(), keyLoc.getColumnNr()});
          p.nextToken();
          o.set(name, read(file, p, child, locations));
        }
        return o;
      }
      case START_ARRAY -> {
        ArrayNode a = f.arrayNode();
        int i = 0;
        while (p.nextToken() != JsonToken.END_ARRAY) {
          a.add(read(file, p, pointer + "/" + (i++), locations));
        }
        return a;
      }
      case VALUE_STRING -> {
        return f.textNode(p.getText());
      }
      case VALUE_NUMBER_INT -> {
        return f.numberNode(p.getLongValue());
      }
      case VALUE_NUMBER_FLOAT -> {
        return f.numberNode(p.getDecimalValue());
      }
      case VALUE_TRUE -> {
        return f.booleanNode(true);
      }
      case VALUE_FALSE -> {
        return f.booleanNode(false);
      }
      case VALUE_NULL -> {
        return f.nullNode();
      }
      default -> throw new IOException("unexpected YAML token " + p.currentToken());
    }
  }

  static String escape(String key) {
    return key.replace("~", "~0").replace("/", "~1");
  }
}
