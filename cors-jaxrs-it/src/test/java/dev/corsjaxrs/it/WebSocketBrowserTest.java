package dev.corsjaxrs.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.corsjaxrs.it.war.EchoEndpoint;
import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * Headless Chromium opens WebSockets to a Jakarta WebSocket endpoint on embedded Undertow, under
 * {@code cors.servlet.paths}: a page on an allowed origin exchanges a message, a page on a refused
 * origin cannot connect (browsers apply no CORS to WebSockets; the handshake filter does). Runs
 * with the RESTEasy execution, which has Undertow.
 */
@EnabledIfSystemProperty(named = "it.runtime", matches = "resteasy")
class WebSocketBrowserTest {

  static ChromeDriver browser;
  static ServletDeployment web;
  static int allowedPort;
  static int refusedPort;

  @BeforeAll
  static void start() throws IOException {
    allowedPort = BrowserTest.startPageServer();
    refusedPort = BrowserTest.startPageServer();
    web =
        new ServletDeployment(
            Map.of(
                "cors.allowed-origins",
                "http://127.0.0.1:" + allowedPort,
                "cors.servlet.paths",
                "/ws/*"),
            EchoEndpoint.class,
            Resources.Items.class);
    browser = BrowserTest.startBrowser();
  }

  @AfterAll
  static void stop() {
    if (browser != null) {
      browser.quit();
    }
    if (web != null) {
      web.close();
    }
    BrowserTest.PAGE_SERVERS.forEach(server -> server.stop(0));
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> exchange(int pagePort) {
    browser.get("http://127.0.0.1:" + pagePort + "/");
    return (Map<String, Object>)
        ((JavascriptExecutor) browser)
            .executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                    + "const ws = new WebSocket(arguments[0]);"
                    + "ws.onopen = () => ws.send('hello');"
                    + "ws.onmessage = e => { done({ok: true, data: e.data}); ws.close(); };"
                    + "ws.onerror = () => done({ok: false, error: 'error'});"
                    + "setTimeout(() => done({ok: false, error: 'timeout'}), 10000);",
                "ws://localhost:" + web.port + "/app/ws/echo");
  }

  @Test
  void aPageOnAnAllowedOriginExchangesAMessage() {
    assertThat(exchange(allowedPort))
        .containsEntry("ok", true)
        .containsEntry("data", "echo: hello");
  }

  @Test
  void aPageOnARefusedOriginCannotConnect() {
    assertThat(exchange(refusedPort)).containsEntry("ok", false).containsEntry("error", "error");
  }
}
