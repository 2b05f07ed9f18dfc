package dev.tlssim.visualizer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Opens a generated report in the system's headless chromium and clicks through it as a student
 * would. Uses /usr/bin/chromium and /usr/bin/chromedriver (Debian: chromium, chromium-driver;
 * .ci/install-browser installs both) so Selenium Manager never downloads a browser.
 */
class ReportBrowserTest {
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

  private ChromeDriver driver;

  static {
    // Selenium logs through java.util.logging; a passing test prints nothing (its CDP-version
    // warning is irrelevant: the test uses WebDriver, not DevTools).
    java.util.logging.Logger.getLogger("org.openqa.selenium").setLevel(java.util.logging.Level.SEVERE);
  }

  @BeforeEach
  void start(@TempDir Path profile) {
    Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
        "browser test SKIPPED: needs /usr/bin/chromium and /usr/bin/chromedriver (run .ci/install-browser)");
    System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run", "--window-size=1400,1600",
        "--user-data-dir=" + profile.toAbsolutePath());
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    driver = new ChromeDriver(options);
  }

  @AfterEach
  void stop() {
    if (driver != null) {
      driver.quit();
    }
  }

  @Test
  void ladderClicksShowFieldsAndChartsRenderWithoutConsoleErrors(@TempDir Path run) throws IOException {
    for (String f : List.of("summary.json", "trace.jsonl")) {
      Files.copy(Fixtures.dir("run-lost-hello").resolve(f), run.resolve(f));
    }
    Path report = RunReport.write(run);
    driver.get(report.toUri().toString());

    WebElement ladder = driver.findElement(By.cssSelector("svg.ladder"));
    assertThat(ladder.getSize().getHeight()).isGreaterThan(300);
    assertThat(driver.findElements(By.cssSelector("svg.ladder g.pkt"))).hasSizeGreaterThan(8);

    driver.findElement(By.cssSelector("tr.msg[data-m='0']")).click();
    WebElement panel = new WebDriverWait(driver, Duration.ofSeconds(5))
        .until(d -> d.findElement(By.id("inspector")));
    assertThat(panel.getText()).contains("client_hello", "length", "120 bytes", "sent by client");

    driver.findElement(By.cssSelector("g.pkt[data-p='6'] > text.lbl")).click();
    assertThat(driver.findElement(By.id("inspector")).getText())
        .contains("server_hello", "certificate", "server_key_exchange", "1460 bytes");

    WebElement chart = driver.findElement(By.cssSelector("figure.chart svg"));
    assertThat(chart.getSize().getWidth()).isGreaterThan(300);

    Path shot = Path.of("target", "browser-report.png");
    Files.createDirectories(shot.getParent());
    Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), shot, StandardCopyOption.REPLACE_EXISTING);

    List<LogEntry> errors = driver.manage().logs().get(LogType.BROWSER).getAll().stream()
        .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue()).toList();
    assertThat(errors).as("browser console errors").isEmpty();
  }

  @Test
  void aHandshakeMessageShowsItsBytesAndFieldsHighlightTheirBytes(@TempDir Path run) throws IOException {
    for (String f : List.of("summary.json", "trace.jsonl")) {
      Files.copy(Fixtures.dir("run-keys").resolve(f), run.resolve(f));
    }
    driver.get(RunReport.write(run).toUri().toString());
    assertThat(driver.findElement(By.cssSelector("details.keys")).getText())
        .contains("only because this run was made with a key log", "client_write_key");

    driver.findElement(By.cssSelector("tr.msg[data-m='0']")).click();
    WebElement panel = new WebDriverWait(driver, Duration.ofSeconds(5))
        .until(d -> d.findElement(By.cssSelector("#inspector pre.hex")));
    assertThat(panel.getText()).startsWith("0000  01 00 00 74 03 03 00 01").contains("\n0010  0a 0b");
    WebElement suiteRow = driver.findElement(By.xpath("//aside[@id='inspector']//table[@class='fields']"
        + "//tr[td[1][contains(., 'cipher_suites[0]')]]"));
    assertThat(suiteRow.getText()).contains("TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256 (0xc02f)", " 41 2");
    String f = suiteRow.getAttribute("data-f");

    // Hovering the row lights its two bytes, c0 2f at offset 41 (header 4 + version 2 + random 32 + session_id.length 1 + cipher_suites.length 2); clicking pins them.
    new Actions(driver).moveToElement(suiteRow).perform();
    List<WebElement> lit = driver.findElements(By.cssSelector("#inspector .hex .b.hl[data-f='" + f + "']"));
    assertThat(lit).hasSize(1);
    assertThat(lit.get(0).getText()).isEqualTo("c0 2f");
    suiteRow.click();
    assertThat(driver.findElements(By.cssSelector("#inspector .hex .b.pin[data-f='" + f + "']"))).hasSize(1);

    // And the other way round: hovering the random's bytes lights its table row.
    WebElement randomBytes = driver.findElement(By.cssSelector("#inspector .hex .b[data-f='3']"));
    new Actions(driver).moveToElement(randomBytes).perform();
    assertThat(driver.findElement(By.cssSelector("#inspector table.fields tr[data-f='3']")).getAttribute("class"))
        .contains("hl");
    Path shot = Path.of("target", "browser-inspector.png");
    Files.createDirectories(shot.getParent());
    Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), shot, StandardCopyOption.REPLACE_EXISTING);

    // The certificate folds behind a toggle; application data shows no bytes at all.
    driver.findElement(By.cssSelector("tr.msg[data-m='3']")).click();
    WebElement more = driver.findElement(By.cssSelector("#inspector button.more"));
    assertThat(more.getText()).isEqualTo("show all 732 bytes");
    assertThat(driver.findElement(By.cssSelector("#inspector .rest")).isDisplayed()).isFalse();
    more.click();
    assertThat(driver.findElement(By.cssSelector("#inspector .rest")).isDisplayed()).isTrue();
    int app = driver.findElements(By.cssSelector("tr.msg")).size() - 2;
    driver.findElement(By.cssSelector("tr.msg[data-m='" + app + "']")).click();
    assertThat(driver.findElement(By.id("inspector")).getText()).contains("application_data", "78 bytes of application data");
    assertThat(driver.findElements(By.cssSelector("#inspector pre.hex"))).isEmpty();

    List<LogEntry> errors = driver.manage().logs().get(LogType.BROWSER).getAll().stream()
        .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue()).toList();
    assertThat(errors).as("browser console errors").isEmpty();
  }
}
