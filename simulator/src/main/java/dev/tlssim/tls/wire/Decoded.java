package dev.tlssim.tls.wire;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A message as the codec decoded it, with the field spans it recorded on the way: what the MITM
 * needs to overwrite a field in place and what the inspector shows. Field names are the RFC's
 * paths, e.g. {@code cipher_suites[2]} or {@code extensions[0].type}.
 */
public record Decoded<T>(T message, List<Field> fields) {
  public Decoded {
    Objects.requireNonNull(message, "message");
    fields = List.copyOf(fields);
  }

  /** The field called {@code name}, if the message has one. */
  public Optional<Field> field(String name) {
    return fields.stream().filter(f -> f.name().equals(name)).findFirst();
  }
}
