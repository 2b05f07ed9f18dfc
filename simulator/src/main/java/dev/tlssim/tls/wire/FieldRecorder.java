package dev.tlssim.tls.wire;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * The annotation sink a {@link WireReader} writes to while a decoder runs: every read becomes a
 * {@link Field} named by the scopes the decoder has entered ({@code extensions[2]}, {@code
 * client_shares[0]}) followed by the field's RFC name, with its offset and length in the bytes
 * the reader was opened on. Decoders attach what a value means in words to the field just read.
 * Used only by {@link Codec}; a reader without one records nothing and costs nothing more.
 */
final class FieldRecorder {
  private final List<Field> fields = new ArrayList<>();
  private final Deque<String> scopes = new ArrayDeque<>();
  private String prefix = "";
  private int end;

  void enter(String scope) {
    scopes.addLast(scope);
    prefix = prefix + scope + ".";
  }

  void exit() {
    String scope = scopes.removeLast();
    prefix = prefix.substring(0, prefix.length() - scope.length() - 1);
  }

  void record(String name, int offset, int length, String value) {
    fields.add(new Field(prefix + name, offset, length, value));
    end = Math.max(end, offset + length);
  }

  /** The last field, outside every scope: the bytes from {@code offset} on, and why not. */
  void undecodable(int offset, int length, String why) {
    scopes.clear();
    prefix = "";
    record(Field.UNDECODABLE, offset, length, why);
  }

  /** Replaces the value of the field recorded last. */
  void describeLast(String value) {
    if (fields.isEmpty()) {
      return;
    }
    Field last = fields.remove(fields.size() - 1);
    fields.add(new Field(last.name(), last.offset(), last.length(), value));
  }

  /** Where the fields recorded so far end: the first byte no decoder has accounted for. */
  int end() {
    return end;
  }

  List<Field> fields() {
    return List.copyOf(fields);
  }
}
