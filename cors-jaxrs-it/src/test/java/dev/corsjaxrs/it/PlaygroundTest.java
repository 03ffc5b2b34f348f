package dev.corsjaxrs.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.corsjaxrs.demo.DemoServer;
import dev.corsjaxrs.demo.OrdersResource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import org.glassfish.grizzly.http.server.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The playground in headless Chromium: every scenario runs, each verdict drawn on the page is the
 * one the scenario expects, the exchanges are drawn from the server's record, and a screenshot is
 * saved as {@code target/playground.png}.
 */
class PlaygroundTest {

  static HttpServer api;
  static HttpServer pages;
  static ChromeDriver browser;

  @BeforeAll
  static void start() throws IOException {
    browser = BrowserTest.startBrowser();
    api = DemoServer.start(0);
    pages = DemoServer.startPlayground(TestServer.freePort());
  }

  @AfterAll
  static void stop() {
    if (browser != null) {
      browser.quit();
    }
    if (api != null) {
      api.shutdownNow();
    }
    if (pages != null) {
      pages.shutdownNow();
    }
  }

  @Test
  void everyScenarioReachesTheVerdictItExpects() throws IOException {
    browser.manage().window().setSize(new org.openqa.selenium.Dimension(1200, 3200));
    browser.get("http://127.0.0.1:" + DemoServer.port(pages) + "/?api=" + DemoServer.base(api));
    ((JavascriptExecutor) browser)
        .executeAsyncScript(
            "const done = arguments[arguments.length - 1]; runAll().then(() => done(true));");
    assertThat(browser.findElement(By.tagName("body")).getDomAttribute("data-done"))
        .isEqualTo("true");

    List<WebElement> sections = browser.findElements(By.cssSelector("main section"));
    assertThat(sections).hasSize(10);
    for (WebElement section : sections) {
      assertThat(section.getDomAttribute("data-verdict"))
          .as("verdict of %s", section.getDomAttribute("id"))
          .isEqualTo(section.getDomAttribute("data-expect"));
    }
    Map<String, String> text =
        Map.of(
            "s-preflight-delete",
            "Why: origin http://127.0.0.1:"
                + DemoServer.port(pages)
                + " is not allowed: only [https://app.example.com]",
            "s-blocked-origin",
            "is not allowed: only [https://partner.example.org]",
            "s-allowed-origin",
            "Access-Control-Allow-Origin: http://127.0.0.1:",
            "s-wildcard",
            "Access-Control-Allow-Origin: *",
            "s-preflight-put",
            "OPTIONS /items/1",
            "s-credentials",
            "Access-Control-Allow-Credentials: true");
    text.forEach(
        (id, expected) ->
            assertThat(browser.findElement(By.id(id)).getText()).as(id).contains(expected));
    assertThat(browser.findElement(By.id("s-preflight-put")).getDomAttribute("data-preflights"))
        .isEqualTo("1");
    assertThat(browser.findElement(By.id("s-max-age")).getDomAttribute("data-preflights"))
        .isEqualTo("1");
    assertThat(browser.findElement(By.id("s-max-age")).getText()).contains("PUT /items/3");
    assertThat(OrdersResource.placed("strict")).as("orders strict mode let through").isZero();
    assertThat(OrdersResource.placed("report")).as("orders report mode let through").isOne();
    String strictWrite = browser.findElement(By.id("s-strict-write")).getText();
    assertThat(strictWrite)
        .contains("POST /orders/strict", "← 403", "Why: origin http://127.0.0.1:")
        .doesNotContain("Report line");
    String reportWrite = browser.findElement(By.id("s-report-write")).getText();
    assertThat(reportWrite)
        .contains(
            "POST /orders/report",
            "← 200",
            "Report line (dev.corsjaxrs.report, INFO): CORS report: strict mode would refuse POST"
                + " /orders/report from http://127.0.0.1:",
            "(reject-disallowed=report in cors.policy.rollout.reject-disallowed)");

    Path screenshot = browser.getScreenshotAs(OutputType.FILE).toPath();
    Path target = Path.of("target", "playground.png");
    Files.copy(screenshot, target, StandardCopyOption.REPLACE_EXISTING);
    assertThat(Files.size(target)).isPositive();
  }
}
