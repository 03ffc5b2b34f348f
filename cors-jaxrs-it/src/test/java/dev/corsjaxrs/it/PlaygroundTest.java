package dev.corsjaxrs.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.corsjaxrs.demo.DemoServer;
import dev.corsjaxrs.demo.OrdersResource;
import dev.corsjaxrs.demo.SessionResource;
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
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The playground in headless Chromium: every scenario runs, each verdict drawn on the page is the
 * one the scenario expects, the exchanges are drawn from the server's record, the cookie drawn is
 * the one the server saw, and at 1280 and 420 px wide nothing overflows its card (screenshots
 * {@code target/playground-1280.png} and {@code target/playground-420.png}).
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
    browser.manage().window().setSize(new Dimension(1280, 3600));
    browser.get("http://localhost:" + DemoServer.port(pages) + "/?api=" + DemoServer.base(api));
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
            "Why: origin http://localhost:"
                + DemoServer.port(pages)
                + " is not allowed: only [https://app.example.com]",
            "s-blocked-origin",
            "is not allowed: only [https://partner.example.org]",
            "s-allowed-origin",
            "Access-Control-Allow-Origin: http://localhost:",
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
        .contains("POST /orders/strict", "← 403", "Why: origin http://localhost:")
        .doesNotContain("Report line");
    String reportWrite = browser.findElement(By.id("s-report-write")).getText();
    assertThat(reportWrite)
        .contains(
            "POST /orders/report",
            "← 200",
            "Report line (dev.corsjaxrs.report, INFO): CORS report: strict mode would refuse POST"
                + " /orders/report from http://localhost:",
            "(reject-disallowed=report in cors.policy.rollout.reject-disallowed)");

    String seen = SessionResource.lastSeen();
    assertThat(seen).as("the cookie the server saw on the second request").startsWith("demo-");
    assertThat(browser.findElement(By.id("s-credentials")).getText())
        .contains("Set-Cookie: session=" + seen, "Cookie: session=" + seen, "cookie=" + seen);

    for (int width : new int[] {1280, 420}) {
      browser.manage().window().setSize(new Dimension(width, 6000));
      assertThat(overflows()).as("elements that overflow at %d px", width).isEmpty();
      Path screenshot = browser.getScreenshotAs(OutputType.FILE).toPath();
      Path target = Path.of("target", "playground-" + width + ".png");
      Files.copy(screenshot, target, StandardCopyOption.REPLACE_EXISTING);
      assertThat(Files.size(target)).isPositive();
    }
    browser.manage().window().setSize(new Dimension(1280, 900));
    assertThat(coveredCards()).as("cards covered by something else at 1280 x 900").isEmpty();
  }

  /**
   * Every drawn element that sticks out of its card or cuts its own text, and the page's own
   * sideways scroll, measured by the browser.
   */
  @SuppressWarnings("unchecked")
  private static List<String> overflows() {
    return (List<String>)
        ((JavascriptExecutor) browser)
            .executeScript(
                "const out = [];"
                    + "if (document.documentElement.scrollWidth > window.innerWidth)"
                    + "  out.push('page scrolls sideways: ' + document.documentElement.scrollWidth"
                    + "    + ' > ' + window.innerWidth);"
                    + "for (const card of document.querySelectorAll('main section')) {"
                    + "  const box = card.getBoundingClientRect();"
                    + "  for (const el of card.querySelectorAll('*')) {"
                    + "    const r = el.getBoundingClientRect();"
                    + "    if (r.width === 0) continue;"
                    + "    if (r.left < box.left - 0.5 || r.right > box.right + 0.5)"
                    + "      out.push(card.id + ' ' + el.className + ' [' + el.textContent.slice(0, 40)"
                    + "        + '] spans ' + r.left + '..' + r.right + ' in ' + box.left + '..'"
                    + "        + box.right);"
                    + "    else if (el.scrollWidth > el.clientWidth + 1 && el.clientWidth > 0)"
                    + "      out.push(card.id + ' ' + el.className + ' [' + el.textContent.slice(0, 40)"
                    + "        + '] cuts its content: ' + el.scrollWidth + ' > ' + el.clientWidth);"
                    + "  }"
                    + "}"
                    + "return out;");
  }

  /** Cards whose top, scrolled into view, is not what the browser shows there. */
  @SuppressWarnings("unchecked")
  private static List<String> coveredCards() {
    return (List<String>)
        ((JavascriptExecutor) browser)
            .executeScript(
                "const out = [];"
                    + "for (const card of document.querySelectorAll('main section')) {"
                    + "  card.scrollIntoView();"
                    + "  const r = card.getBoundingClientRect();"
                    + "  const top = document.elementFromPoint(r.left + r.width / 2, r.top + 4);"
                    + "  if (!card.contains(top)) out.push(card.id + ' under ' + (top && top.tagName));"
                    + "}"
                    + "return out;");
  }
}
