package dev.tlssim.visualizer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MatrixPageTest {
  @TempDir
  Path results;

  @Test
  void cellsSayWhatStoppedEachAttackAndAttacksLinkToTheirReports() throws IOException {
    Path dir = results.resolve("matrix").resolve("run-1");
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("matrix.json"), """
        {"attacks": ["mitm-rogue-ca"], "policies": ["strict", "trust-extra-root"],
         "cells": [
           {"attack": "mitm-rogue-ca", "policy": "strict", "succeeded": false, "bytesRead": 0,
            "blockedBy": "chain", "alert": "unknown_ca"},
           {"attack": "mitm-rogue-ca", "policy": "trust-extra-root", "succeeded": true, "bytesRead": 2300,
            "blockedBy": null, "alert": null}]}
        """);
    Path report = results.resolve("mitm-rogue-ca").resolve("latest").resolve("report.html");
    Files.createDirectories(report.getParent());
    Files.writeString(report, "<html></html>");
    String html = Files.readString(MatrixPage.write(dir));
    assertThat(html).contains("blocked by <b>chain</b><br><code>unknown_ca</code>")
        .contains("<b>SUCCEEDED</b><br>read 2300 bytes")
        .contains("<a href=\"../../mitm-rogue-ca/latest/report.html\">mitm-rogue-ca</a>");
  }
}
