package dev.tlssim.visualizer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class LadderLayoutTest {
  private final FlowView flow = Fixtures.flow("run-lost-hello");
  /** 170 px per 100 ms RTT. */
  private final LadderLayout layout = new LadderLayout(flow, LadderLayout.scale(100_000_000L, 550, 2400), 550);

  @Test
  void scaleGivesARoundTrip170PxUnlessTheLadderWouldBeTooTall() {
    assertThat(layout.pxPerMs).isCloseTo(1.7, within(1e-9));
    assertThat(LadderLayout.scale(100_000_000L, 10_000, 2400)).isCloseTo(0.24, within(1e-9));
  }

  @Test
  void arrowsAreSlopedByTheirLatency() {
    LadderLayout.Arrow syn = arrow(1);
    assertThat(layout.columns).containsExactly("client", "server");
    assertThat(syn.x1()).isEqualTo(LadderLayout.LEFT);
    assertThat(syn.x2()).isEqualTo(LadderLayout.LEFT + LadderLayout.COLUMN);
    assertThat(syn.y1()).isCloseTo(LadderLayout.TOP, within(1e-9));
    assertThat(syn.y2()).isCloseTo(LadderLayout.TOP + 85, within(1e-9));
    assertThat(syn.style()).isEqualTo(LadderLayout.Style.SYN);
    assertThat(arrow(6).style()).isEqualTo(LadderLayout.Style.TLS);
    assertThat(arrow(3).style()).isEqualTo(LadderLayout.Style.ACK);
  }

  @Test
  void simultaneousPacketsAreShiftedApart() {
    assertThat(arrow(7).y1() - arrow(6).y1()).isCloseTo(LadderLayout.GAP, within(1e-9));
  }

  @Test
  void theLostHelloDiesOnItsLinkAndTheTimerWaitIsDrawn() {
    assertThat(layout.drops).hasSize(1);
    LadderLayout.DropMark d = layout.drops.get(0);
    assertThat(d.reason()).isEqualTo("loss");
    assertThat(d.x()).isBetween((double) LadderLayout.LEFT, (double) LadderLayout.LEFT + LadderLayout.COLUMN);
    assertThat(layout.waits).hasSize(1);
    LadderLayout.Wait w = layout.waits.get(0);
    assertThat(w.y1()).isCloseTo(layout.y(100_000_000L), within(1e-9));
    assertThat(w.y2()).isCloseTo(layout.y(400_000_000L), within(1e-9));
    assertThat(w.text()).isEqualTo("RTO 300 ms, next 600 ms");
  }

  @Test
  void aTailLossProbeIsNamedWithItsProbeTimeout() {
    LadderLayout probed = new LadderLayout(Fixtures.flow("run-tail-probe"), layout.pxPerMs, 550);
    assertThat(probed.waits).extracting(LadderLayout.Wait::text).containsExactly("TLP after 300 ms (PTO 300 ms)");
  }

  @Test
  void everySegmentButThePureAckIsLabelledByItsRecordsOrFlags() {
    assertThat(layout.labels).extracting(l -> l.packet().id, LadderLayout.Label::text).containsExactly(
        tuple(1L, "SYN"), tuple(2L, "SYN,ACK"), tuple(4L, "client_hello"), tuple(5L, "\u21bb client_hello"),
        tuple(6L, "part of server_hello, certificate, server_key_exchange, server_hello_done"),
        tuple(7L, "server_hello, certificate, server_key_exchange, server_hello_done"), tuple(8L, "alert"));
  }

  @Test
  void aLabelWiderThanTheLadderWrapsAfterACommaAndStaysInside() {
    // Two columns: 368 px wide, 45 characters a line.
    assertThat(label(6).lines()).containsExactly("part of server_hello, certificate,",
        "server_key_exchange, server_hello_done");
    assertThat(label(7).lines()).containsExactly("server_hello, certificate,",
        "server_key_exchange, server_hello_done");
    assertThat(label(4).lines()).containsExactly("client_hello");
    for (LadderLayout.Label l : layout.labels) {
      assertThat(l.x()).as(l.text()).isGreaterThanOrEqualTo(0);
      assertThat(l.x() + l.width()).as(l.text()).isLessThanOrEqualTo(layout.width);
    }
    String svg = LadderSvg.svg(layout, 0);
    assertThat(svg).contains(">server_key_exchange, server_hello_done</tspan>", "height=\"29\" rx=\"3\"");
  }

  @Test
  void wrappingKeepsNamesWholeAndALongNameOnItsOwnLine() {
    assertThat(LadderLayout.wrap("a, bb, ccc", 6)).containsExactly("a, bb,", "ccc");
    assertThat(LadderLayout.wrap("certificate_request, x", 5)).containsExactly("certificate_request,", "x");
    assertThat(LadderLayout.wrap("SYN,ACK", 3)).containsExactly("SYN,ACK");
  }

  @Test
  void labelsNeverOverlap() {
    List<LadderLayout.Label> labels = layout.labels;
    for (int i = 0; i < labels.size(); i++) {
      for (int j = i + 1; j < labels.size(); j++) {
        LadderLayout.Label a = labels.get(i);
        LadderLayout.Label b = labels.get(j);
        // Each line is LABEL_HEIGHT tall and ends at its baseline.
        double aTop = a.y() - LadderLayout.LABEL_HEIGHT;
        double aBottom = a.y() + (a.lines().size() - 1) * LadderLayout.LABEL_HEIGHT;
        double bTop = b.y() - LadderLayout.LABEL_HEIGHT;
        double bBottom = b.y() + (b.lines().size() - 1) * LadderLayout.LABEL_HEIGHT;
        boolean overlap = a.x() < b.x() + b.width() && b.x() < a.x() + a.width() && aTop < bBottom && bTop < aBottom;
        assertThat(overlap).as("%s overlaps %s", a.text(), b.text()).isFalse();
      }
    }
  }

  private LadderLayout.Label label(long id) {
    return layout.labels.stream().filter(l -> l.packet().id == id).findFirst().orElseThrow();
  }

  private LadderLayout.Arrow arrow(long id) {
    return layout.arrows.stream().filter(a -> a.packet().id == id).findFirst().orElseThrow();
  }
}
