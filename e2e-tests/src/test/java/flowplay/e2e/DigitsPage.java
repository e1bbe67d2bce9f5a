package flowplay.e2e;

import flowplay.core.data.DigitImages;
import flowplay.core.data.Digits;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.openqa.selenium.JavascriptExecutor;

/**
 * What the e2e tests read from the digits panel ({@code flowplay.web.digits}): the grey levels the page writes as one
 * character each ('0'–'9', 'a'–'g'), the shipped digits from the server, and a 1-nearest-neighbour classifier on the
 * 1500 training digits to tell which class a drawn digit is.
 */
final class DigitsPage {
    static final Duration TIMEOUT = Duration.ofSeconds(90);

    private final Browser browser;
    private Digits shipped;

    DigitsPage(Browser browser) {
        this.browser = browser;
    }

    /** Waits until {@code #digits-grid} is drawn (64 digits, data-state done) and the strip and the path are done too. */
    void awaitAll() {
        browser.waitUntil("the digits grid, strip and path are drawn", TIMEOUT,
                () -> "done".equals(browser.attribute("digits-grid", "data-state"))
                        && "done".equals(browser.attribute("digits-strip", "data-state"))
                        && browser.attribute("digits-anim", "data-frames") != null);
    }

    /** Grey levels 0–16 of the n digits a {@code data-levels} attribute holds. */
    static int[] levels(String attribute) {
        int[] out = new int[attribute.length()];
        for (int k = 0; k < out.length; k++) {
            out[k] = Character.digit(attribute.charAt(k), Digits.LEVELS + 1);
        }
        return out;
    }

    /** All 1797 digits as {@code GET /api/datasets/digits} serves them (parsed with the shared parser, as the page does). */
    Digits shipped(String baseUrl) throws Exception {
        if (shipped == null) {
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(baseUrl + "api/datasets/digits"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new AssertionError("GET /api/datasets/digits: HTTP " + r.statusCode());
            }
            shipped = Digits.parse(r.body());
        }
        return shipped;
    }

    /** The class of the training digit nearest (in grey levels) to digit i of {@code levels}. */
    int classify(int[] levels, int i) {
        int best = -1;
        long bestDistance = Long.MAX_VALUE;
        for (int j = 0; j < DigitImages.TRAIN_COUNT; j++) {
            float[] image = shipped.image(j);
            long d = 0;
            for (int k = 0; k < Digits.PIXELS; k++) {
                long diff = levels[i * Digits.PIXELS + k] - Digits.level(image[k]);
                d += diff * diff;
            }
            if (d < bestDistance) {
                bestDistance = d;
                best = shipped.label(j);
            }
        }
        return best;
    }

    /** How many canvas pixels of the element are dark (red channel below 128): read back from the canvas itself. */
    long darkPixels(String canvasId) {
        Object n = ((JavascriptExecutor) browser.driver()).executeScript(
                "const c = document.getElementById(arguments[0]);"
                        + "const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data; let n = 0;"
                        + "for (let i = 0; i < d.length; i += 4) { if (d[i] < 128) n++; } return n;", canvasId);
        return ((Number) n).longValue();
    }

    void scrollTo(String id) {
        ((JavascriptExecutor) browser.driver()).executeScript(
                "document.getElementById(arguments[0]).scrollIntoView({block: 'start'});", id);
    }
}
