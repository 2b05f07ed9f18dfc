package dev.tlssim.http;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads one HTTP/1.0 message from a byte stream as it arrives. Malformed input (no header end
 * within 8 KiB, a missing or bad Content-Length) is reported, never thrown past the reader.
 */
public final class HttpReader {
  private static final int MAX_HEAD = 8192;
  private static final int MAX_BODY = 1 << 20;

  private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
  private String error;

  /** Feeds bytes; returns the message once complete. */
  public Optional<HttpMessage> feed(byte[] data) {
    if (error != null) {
      return Optional.empty();
    }
    buffer.write(data, 0, data.length);
    byte[] all = buffer.toByteArray();
    int headEnd = indexOf(all, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
    if (headEnd < 0) {
      if (all.length > MAX_HEAD) {
        error = "no end of headers within " + MAX_HEAD + " bytes";
      }
      return Optional.empty();
    }
    String[] lines = new String(all, 0, headEnd, StandardCharsets.US_ASCII).split("\r\n");
    int length = -1;
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      if (colon > 0 && lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT).equals("content-length")) {
        try {
          length = Integer.parseInt(lines[i].substring(colon + 1).trim());
        } catch (NumberFormatException e) {
          error = "bad Content-Length";
          return Optional.empty();
        }
      }
    }
    if (length < 0 || length > MAX_BODY) {
      error = length < 0 ? "missing Content-Length" : "body too large";
      return Optional.empty();
    }
    int bodyStart = headEnd + 4;
    if (all.length - bodyStart < length) {
      return Optional.empty();
    }
    byte[] body = new byte[length];
    System.arraycopy(all, bodyStart, body, 0, length);
    return Optional.of(new HttpMessage(lines[0], body));
  }

  /** Why the input is not HTTP, or null. */
  public String error() {
    return error;
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
