package dev.tlssim.tls.wire;

import java.util.Objects;

/**
 * One annotated field of a message's bytes, for the report's message inspector: {@code bytes[offset
 * .. offset+length)} of the message given to {@link Codec#annotate} is the field called
 * {@code name} (the RFC's name, nested with dots and indexed with brackets, e.g. {@code
 * extensions[2].named_group_list[0]}), and {@code value} says what it means in words, e.g.
 * {@code x25519 (0x001d)}.
 */
public record Field(String name, int offset, int length, String value) {
  /** The name of the last field when the bytes could not be decoded any further. */
  public static final String UNDECODABLE = "undecodable";

  public Field {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(value, "value");
    if (offset < 0 || length < 0) {
      throw new IllegalArgumentException("negative offset or length: " + offset + ", " + length);
    }
  }
}
