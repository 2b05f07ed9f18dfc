package dev.tlssim.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class HttpReaderTest {
  @Test
  void aMessageFedByteByByteIsReadWhole() {
    byte[] wire = HttpMessage.request("POST", "/enroll", new byte[] {1, 2, 3}).encode();
    assertThat(new String(wire, StandardCharsets.US_ASCII)).startsWith("POST /enroll HTTP/1.0\r\nContent-Length: 3\r\n\r\n");
    HttpReader r = new HttpReader();
    for (int i = 0; i < wire.length - 1; i++) {
      assertThat(r.feed(new byte[] {wire[i]})).isEmpty();
    }
    HttpMessage m = r.feed(new byte[] {wire[wire.length - 1]}).orElseThrow();
    assertThat(m.method()).isEqualTo("POST");
    assertThat(m.path()).isEqualTo("/enroll");
    assertThat(m.body()).containsExactly(1, 2, 3);
  }

  @Test
  void responsesCarryTheirStatus() {
    HttpMessage m = new HttpReader().feed(HttpMessage.response(403, "Forbidden", new byte[0]).encode()).orElseThrow();
    assertThat(m.status()).isEqualTo(403);
  }

  @Test
  void malformedInputIsReportedNotThrown() {
    HttpReader noLength = new HttpReader();
    assertThat(noLength.feed("GET /crl HTTP/1.0\r\n\r\n".getBytes(StandardCharsets.US_ASCII))).isEmpty();
    assertThat(noLength.error()).isEqualTo("missing Content-Length");
    HttpReader tls = new HttpReader();
    assertThat(tls.feed(new byte[9000])).isEmpty();
    assertThat(tls.error()).isEqualTo("no end of headers within 8192 bytes");
  }
}
