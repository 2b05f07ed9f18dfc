package dev.tlssim.http;

import java.nio.charset.StandardCharsets;

/**
 * A minimal HTTP/1.0 message (RFC 1945): a start line, a Content-Length header and a body. Enough
 * for the CA's services (certificate enrollment, CRL download); one exchange per connection, as
 * HTTP/1.0 does by default.
 *
 * @param startLine "POST /enroll HTTP/1.0" or "HTTP/1.0 200 OK"
 */
public record HttpMessage(String startLine, byte[] body) {
  public HttpMessage {
    body = body.clone();
  }

  @Override
  public byte[] body() {
    return body.clone();
  }

  public static HttpMessage request(String method, String path, byte[] body) {
    return new HttpMessage(method + " " + path + " HTTP/1.0", body);
  }

  public static HttpMessage response(int status, String reason, byte[] body) {
    return new HttpMessage("HTTP/1.0 " + status + " " + reason, body);
  }

  public byte[] encode() {
    byte[] head = (startLine + "\r\nContent-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
    byte[] out = new byte[head.length + body.length];
    System.arraycopy(head, 0, out, 0, head.length);
    System.arraycopy(body, 0, out, head.length, body.length);
    return out;
  }

  /** For a request: the method ("POST"). */
  public String method() {
    return startLine.split(" ")[0];
  }

  /** For a request: the path ("/enroll"). */
  public String path() {
    String[] parts = startLine.split(" ");
    return parts.length > 1 ? parts[1] : "";
  }

  /** For a response: the status code, or -1 if the start line is not a status line. */
  public int status() {
    String[] parts = startLine.split(" ");
    try {
      return parts.length > 1 && parts[0].startsWith("HTTP/") ? Integer.parseInt(parts[1]) : -1;
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
