package dev.tlssim.party;

import java.nio.charset.StandardCharsets;

/**
 * The workload spoken over a connection until (and above) TLS: a stand-in for an HTTP exchange
 * with sizes under the scenario's control. The request starts with an ASCII line
 * {@code "GET /<response bytes> <request bytes>\n"}; the server answers once the whole request has
 * arrived. Bodies are readable text (a login form, an account page) so that whoever reads them,
 * a man in the middle included, shows what was exposed.
 */
final class RequestResponse {
  static final byte[] REQUEST_BODY = "user=alice&password=hunter2&card=4111-1111-1111-1111&"
      .getBytes(StandardCharsets.US_ASCII);
  static final byte[] RESPONSE_BODY = "<p>Account balance: 1,000,000.00</p>".getBytes(StandardCharsets.US_ASCII);

  private RequestResponse() {}

  static byte[] request(int totalBytes, int responseBytes) {
    byte[] line = header(totalBytes, responseBytes);
    int size = Math.max(totalBytes, line.length);
    if (size != totalBytes) {
      line = header(size, responseBytes);
      size = Math.max(size, line.length);
    }
    byte[] body = fill(size - line.length, REQUEST_BODY);
    byte[] out = new byte[size];
    System.arraycopy(line, 0, out, 0, line.length);
    System.arraycopy(body, 0, out, line.length, body.length);
    return out;
  }

  static byte[] response(int bytes) {
    return fill(bytes, RESPONSE_BODY);
  }

  private static byte[] header(int total, int response) {
    return ("GET /" + response + " " + total + "\n").getBytes(StandardCharsets.US_ASCII);
  }

  /** The pattern repeated to {@code size} bytes, copied in doubling blocks (a 2 KB body is six copies). */
  private static byte[] fill(int size, byte[] pattern) {
    byte[] out = new byte[size];
    int filled = Math.min(size, pattern.length);
    System.arraycopy(pattern, 0, out, 0, filled);
    while (filled < size) {
      int n = Math.min(filled, size - filled);
      System.arraycopy(out, 0, out, filled, n);
      filled += n;
    }
    return out;
  }

  /** Reads requests from a byte stream as it arrives; anything else (not this workload) is ignored. */
  static final class Reader {
    private static final int MAX_LINE = 64;
    private final StringBuilder line = new StringBuilder();
    private boolean broken;
    private boolean lineDone;
    private int expected = -1;
    private int responseBytes;
    private int received;

    /** Consumes bytes; returns the response size when a request completes, -1 otherwise. */
    int feed(byte[] data) {
      int result = -1;
      for (byte b : data) {
        if (broken) {
          return -1;
        }
        received++;
        if (!lineDone) {
          if (b == '\n') {
            lineDone = true;
            broken = !parse(line.toString());
          } else if (line.length() > MAX_LINE) {
            broken = true;
          } else {
            line.append((char) b);
          }
        }
        if (lineDone && received >= expected) {
          result = responseBytes;
          line.setLength(0);
          lineDone = false;
          received = 0;
          expected = -1;
        }
      }
      return result;
    }

    private boolean parse(String requestLine) {
      String[] parts = requestLine.split(" ");
      if (parts.length != 3 || !parts[0].equals("GET") || !parts[1].startsWith("/")) {
        return false;
      }
      try {
        responseBytes = Integer.parseInt(parts[1].substring(1));
        expected = Integer.parseInt(parts[2]);
        return responseBytes >= 0 && expected > 0;
      } catch (NumberFormatException e) {
        return false;
      }
    }
  }
}
