package dev.tlssim.visualizer;

import java.awt.Color;
import java.awt.Font;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.Styler;

/**
 * XChart charts as SVG to inline in a page: XChart draws through VectorGraphics2D, and the XML
 * prologue is cut off and element ids made unique per chart (several charts share one page).
 */
final class ChartSvg {
  /** Okabe–Ito, black moved last: safe with the common colour-vision deficiencies. */
  static final Color[] PALETTE = {new Color(0x0072B2), new Color(0xE69F00), new Color(0x009E73), new Color(0xD55E00),
      new Color(0xCC79A7), new Color(0x56B4E9), new Color(0xF0E442), Color.BLACK};
  private static final AtomicInteger COUNTER = new AtomicInteger();
  private static final Pattern DECIMALS = Pattern.compile("(\\d\\.\\d)\\d+");
  private static final Pattern ID = Pattern.compile("id=\"([^\"]+)\"");

  private ChartSvg() {}

  /** A chart with the report's look: large fonts for a projector, white background, palette above. */
  static XYChart chart(String title, String xTitle, String yTitle) {
    return chart(title, xTitle, yTitle, 560);
  }

  /** Many series: a wider chart with the legend beside the plot rather than over it. */
  static XYChart wideChart(String title, String xTitle, String yTitle) {
    XYChart c = chart(title, xTitle, yTitle, 900);
    c.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
    return c;
  }

  private static XYChart chart(String title, String xTitle, String yTitle, int width) {
    XYChart c = new XYChartBuilder().width(width).height(380).title(title).xAxisTitle(xTitle).yAxisTitle(yTitle)
        .build();
    Styler s = c.getStyler();
    s.setSeriesColors(PALETTE);
    s.setChartBackgroundColor(Color.WHITE);
    s.setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 17));
    s.setLegendFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
    s.setLegendPosition(Styler.LegendPosition.InsideNW);
    s.setLegendBackgroundColor(new Color(255, 255, 255, 220));
    c.getStyler().setAxisTitleFont(new Font(Font.SANS_SERIF, Font.PLAIN, 15));
    c.getStyler().setAxisTickLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
    c.getStyler().setPlotBackgroundColor(Color.WHITE);
    c.getStyler().setPlotGridLinesColor(new Color(0xDDDDDD));
    c.getStyler().setMarkerSize(8);
    return c;
  }

  static String svg(org.knowm.xchart.internal.chartpart.Chart<?, ?> chart) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      VectorGraphicsEncoder.saveVectorGraphic(chart, out, VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String svg = out.toString(StandardCharsets.UTF_8);
    int start = svg.indexOf("<svg");
    svg = start < 0 ? svg : svg.substring(start);
    // XChart draws text as glyph outlines; six decimals of a pixel only make the page heavier.
    svg = DECIMALS.matcher(svg).replaceAll("$1");
    return uniqueIds(svg, "c" + COUNTER.incrementAndGet() + "-");
  }

  static String uniqueIds(String svg, String prefix) {
    Matcher m = ID.matcher(svg);
    StringBuilder b = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(b, Matcher.quoteReplacement("id=\"" + prefix + m.group(1) + "\""));
    }
    m.appendTail(b);
    return b.toString().replace("url(#", "url(#" + prefix).replace("href=\"#", "href=\"#" + prefix);
  }

  static String figure(org.knowm.xchart.internal.chartpart.Chart<?, ?> chart, String caption) {
    return "<figure class=\"chart\">" + svg(chart) + "<figcaption>" + Html.escape(caption) + "</figcaption></figure>\n";
  }
}
