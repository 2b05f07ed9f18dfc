package dev.tlssim.tls.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tlssim.tls.AlertDescription;
import dev.tlssim.tls.ContentType;
import dev.tlssim.tls.core.TlsEndpoint;
import dev.tlssim.tls.core.TlsEvent;
import dev.tlssim.tls.wire.TlsRecord;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.assertj.core.groups.Tuple;

/** Checks that tests of either version share: how a failure ends, how a connection with the JDK ends. */
public final class TlsAssertions {
  private TlsAssertions() {}

  /**
   * The endpoint sent exactly one alert, this fatal one, as its last record (of type
   * {@code recordType}: an alert, or a protected TLS 1.3 record), is closed, and after that
   * ignores everything and stays silent.
   */
  public static void assertFailedWith(TlsEndpoint endpoint, AlertDescription alert, ContentType recordType) {
    List<TlsEvent> events = endpoint.drainEvents();
    assertThat(Pipe.of(events, TlsEvent.AlertSent.class))
        .extracting(TlsEvent.AlertSent::description, TlsEvent.AlertSent::fatal)
        .containsExactly(Tuple.tuple(alert, true));
    assertThat(events).endsWith(new TlsEvent.Closed("alert:" + alert.rfcName()));
    assertThat(endpoint.closed()).isTrue();
    assertThat(endpoint.established()).isFalse();
    List<TlsRecord> out = Pipe.records(endpoint.drainOutput());
    assertThat(out).last().extracting(TlsRecord::type).isEqualTo(recordType);
    endpoint.receive(new byte[] {22, 3, 3, 0, 1, 0});
    assertThat(endpoint.drainOutput()).isEmpty();
    assertThat(endpoint.drainEvents()).isEmpty();
  }

  /**
   * A string from ours, 20,000 bytes from the JDK, no alert, then close_notify from
   * {@code oursCloses ? ours : jdk}, answered (RFC 5246 §7.2.1; in TLS 1.3 once the JDK closes
   * its own write side, RFC 8446 §6.1).
   */
  public static void exchangeDataAndClose(JdkPeer jdk, TlsEndpoint ours, boolean oursCloses, boolean tls13) throws Exception {
    ours.write("hello from tlssim".getBytes(StandardCharsets.UTF_8));
    jdk.consume(ours.drainOutput());
    assertThat(new String(jdk.received(), StandardCharsets.UTF_8)).isEqualTo("hello from tlssim");

    byte[] big = new byte[20_000];
    Pipe.seeded(23).nextBytes(big);
    jdk.send(big);
    ours.receive(jdk.produce());
    ByteArrayOutputStream got = new ByteArrayOutputStream();
    List<TlsEvent> events = ours.drainEvents();
    Pipe.of(events, TlsEvent.ApplicationData.class).forEach(d -> got.writeBytes(d.data()));
    assertThat(got.toByteArray()).isEqualTo(big);
    assertThat(Pipe.of(events, TlsEvent.AlertSent.class)).isEmpty();
    assertThat(ours.established()).isTrue();

    if (oursCloses) {
      ours.close();
      jdk.consume(ours.drainOutput());
      assertThat(jdk.engine.isInboundDone()).isTrue();
      byte[] answer = jdk.produce();
      if (tls13) {
        // RFC 8446 §6.1: close_notify closes only the sender's write side; SunJSSE does not
        // answer it until its own write side is closed.
        assertThat(answer).isEmpty();
        assertThat(ours.closed()).isFalse();
        jdk.engine.closeOutbound();
        answer = jdk.produce();
      }
      ours.receive(answer);
    } else {
      jdk.engine.closeOutbound();
      ours.receive(jdk.produce());
      jdk.consume(ours.drainOutput());
      assertThat(jdk.engine.isInboundDone()).isTrue();
    }
    assertThat(ours.closed()).isTrue();
    assertThat(Pipe.of(ours.drainEvents(), TlsEvent.Closed.class))
        .containsExactly(new TlsEvent.Closed("close_notify"));
  }
}
