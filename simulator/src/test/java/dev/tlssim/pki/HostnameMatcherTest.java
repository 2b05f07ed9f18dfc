package dev.tlssim.pki;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class HostnameMatcherTest {
  @ParameterizedTest(name = "{0} vs {1} -> {2}")
  @CsvSource({
    // exact names, case-insensitive (RFC 6125 §6.4.1), trailing dot ignored
    "www.example.com, www.example.com, true",
    "WWW.Example.COM, www.example.com, true",
    "www.example.com, WWW.EXAMPLE.COM, true",
    "www.example.com, www.example.com., true",
    "www.example.com, example.com, false",
    "www.example.com, www.example.org, false",
    "example.com, www.example.com, false",
    // wildcard: exactly one whole left-most label (§6.4.3)
    "*.example.com, a.example.com, true",
    "*.example.com, A.EXAMPLE.com, true",
    "*.example.com, example.com, false",
    "*.example.com, a.b.example.com, false",
    "*.example.com, .example.com, false",
    "*.example.com, a.example.org, false",
    // no partial-label or non-left-most wildcards, none over a whole TLD
    "w*.example.com, www.example.com, false",
    "*w.example.com, www.example.com, false",
    "www.*.com, www.example.com, false",
    "*.*.example.com, a.b.example.com, false",
    "*, example, false",
    "*.com, example.com, false",
    // IP addresses never match dNSNames
    "192.0.2.1, 192.0.2.1, false",
    "*.0.2.1, 192.0.2.1, false",
  })
  void matchesPerRfc6125(String presented, String reference, boolean expected) {
    assertThat(HostnameMatcher.matches(presented, reference)).isEqualTo(expected);
  }

  @Test
  void internationalisedReferenceComparesAsALabels() {
    assertThat(HostnameMatcher.matches("xn--bcher-kva.example", "bücher.example")).isTrue();
  }

  @Test
  void emptyOrMissingNamesNeverMatch() {
    assertThat(HostnameMatcher.matches("", "www.example.com")).isFalse();
    assertThat(HostnameMatcher.matches(null, "www.example.com")).isFalse();
    assertThat(HostnameMatcher.matches("www.example.com", "")).isFalse();
    assertThat(HostnameMatcher.matches("www.example.com", null)).isFalse();
  }

  @Test
  void firstMatchReportsWhichPresentedNameMatched() {
    assertThat(HostnameMatcher.firstMatch(List.of("example.com", "*.example.com"), "a.example.com"))
        .contains("*.example.com");
    assertThat(HostnameMatcher.firstMatch(List.of("example.com"), "a.example.com")).isEmpty();
  }
}
