package dev.tlssim.tcp;

import java.util.List;
import java.util.Objects;

/**
 * What a run of the send stream is, as the application above says when it writes it: for TLS
 * one record, by its content type name, its length on the wire and the messages it carries. TCP
 * does not look inside; it only remembers which bytes belong to which record, so that each
 * segment can say what it carries.
 */
public record StreamRecord(String content, int length, List<String> messages) {
  public StreamRecord {
    Objects.requireNonNull(content, "content");
    if (length < 1) {
      throw new IllegalArgumentException("a record takes at least one byte: " + length);
    }
    messages = List.copyOf(messages);
  }
}
