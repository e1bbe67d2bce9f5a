package flowplay.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;

/**
 * The Content-Security-Policy in a real Chromium: the playground starts under it without a violation, and it really
 * binds: a script injected inline or as a {@code data:} URL does not run, and the page says what was blocked.
 * (That the strip's workers still load WasmGC under their own policy is checked by {@code ComparisonStripIT}, and the
 * bench page's engines by {@code BenchPageIT}.)
 */
class SecurityPolicyIT extends PlaygroundSession {

    @Override
    Browser openBrowser() throws Exception {
        return Browser.withoutWebGpu("security-policy");
    }

    @Test
    void thePageRunsUnderItsPolicyAndThePolicyBlocksInjectedCode() throws Exception {
        HttpResponse<Void> head = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.baseUrl())).GET().build(),
                HttpResponse.BodyHandlers.discarding());
        String policy = head.headers().firstValue("Content-Security-Policy").orElse("");
        assertTrue(policy.contains("script-src 'self';") && !policy.contains("unsafe"), "the page's policy: " + policy);

        page.open(server.baseUrl());
        // Give late loads (workers, images, the favicon) time to trip the policy before calling the page clean.
        browser.waitUntil("the page has started its sampler view", Duration.ofSeconds(30),
                () -> browser.attribute("renderer", "data-renderer") != null && !browser.attribute("renderer", "data-renderer").isBlank());
        browser.assertNoPageError();

        JavascriptExecutor js = (JavascriptExecutor) browser.driver();
        // Selenium's own executeScript runs through DevTools, outside the policy: the test injects, the page must refuse.
        js.executeScript("var s = document.createElement('script'); s.textContent = 'window.flowplayInjected = true;';"
                + " document.body.appendChild(s);"
                + " var d = document.createElement('script'); d.src = 'data:text/javascript,window.flowplayInjected = true;';"
                + " document.body.appendChild(d);");
        // Polled by hand: Browser.waitUntil stops at the first page error, and here the error is what we wait for.
        String error = "";
        for (long deadline = System.nanoTime() + 10_000_000_000L; System.nanoTime() < deadline && error.isEmpty(); Thread.sleep(200)) {
            String e = browser.attribute("error", "data-error");
            error = e == null ? "" : e;
        }
        assertTrue(error.startsWith("blocked by the content security policy: script-src"), "the page says what was blocked: '" + error + "'");
        assertEquals(null, js.executeScript("return window.flowplayInjected === undefined ? null : window.flowplayInjected;"),
                "an injected inline script must not run");
    }
}
