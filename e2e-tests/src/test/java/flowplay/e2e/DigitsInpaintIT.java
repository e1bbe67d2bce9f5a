package flowplay.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import flowplay.core.data.Digits;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/**
 * Inpainting in the browser (issue 8): the bundled mask-conditioned model from a link; the mask painted with real mouse
 * drags on the enlarged test digit (left button hides, right button reveals); Fill gives six draws whose known pixels
 * are exactly the test digit's, whose hidden pixels are filled differently per draw, and whose error on the hidden
 * pixels is below the mean training image's.
 */
class DigitsInpaintIT extends PlaygroundSession {
    @Override
    Browser openBrowser() throws Exception {
        return Browser.withoutWebGpu("digits-inpaint");
    }

    @Test
    void aPaintedMaskIsFilledAndTheKnownPixelsStayExactlyFixed() throws Exception {
        DigitsPage digits = new DigitsPage(browser);
        page.open(server.baseUrl() + "#sampleSteps=32&model=pretrained%2Fdigits-inpaint");
        browser.waitUntil("the first test digit is filled", DigitsPage.TIMEOUT,
                () -> "done".equals(browser.attribute("digits-inpaint-results", "data-state")));
        assertEquals("mask", browser.attribute("digits", "data-condition"));
        assertFalse(browser.byId("digits-guidance-controls").isDisplayed(), "no classes: no class picker or guidance");
        assertEquals("1500", browser.attribute("digits-inpaint-index", "data-index"), "the first held-out digit");

        browser.byId("digits-inpaint-next").click();
        browser.byId("digits-inpaint-next").click();
        browser.byId("mask-clear").click();
        assertEquals("0", browser.attribute("digits-inpaint-mask", "data-hidden-count"));
        WebElement mask = browser.byId("digits-inpaint-mask");
        double cell = mask.getRect().getWidth() / 8.0;
        Actions drag = new Actions(browser.driver());
        for (int row = 5; row < 8; row++) {
            // From the centre of (row, 0) to that of (row, 7), one cell at a time, left button held: hide.
            drag.moveToElement(mask, offset(0, cell), offset(row, cell)).clickAndHold();
            for (int col = 1; col < 8; col++) {
                drag.moveByOffset((int) Math.round(cell), 0);
            }
            drag.release();
        }
        drag.perform();
        assertEquals("0".repeat(40) + "1".repeat(24), browser.attribute("digits-inpaint-mask", "data-hidden"), "the bottom three rows hidden");
        // Right button on (5, 0): shown again.
        new Actions(browser.driver()).moveToElement(mask, offset(0, cell), offset(5, cell)).contextClick().perform();
        String hidden = "0".repeat(40) + "0" + "1".repeat(23);
        assertEquals(hidden, browser.attribute("digits-inpaint-mask", "data-hidden"), "right click reveals");

        browser.byId("digits-inpaint-fill").click();
        browser.waitUntil("the fill of the painted mask", DigitsPage.TIMEOUT,
                () -> "done".equals(browser.attribute("digits-inpaint-results", "data-state"))
                        && hidden.equals(browser.attribute("digits-inpaint-results", "data-hidden")));
        assertEquals("1502", browser.attribute("digits-inpaint-results", "data-index"));
        assertEquals(0.0, Double.parseDouble(browser.attribute("digits-inpaint-results", "data-observed-change")),
                "known pixels are exactly the test digit's");
        Digits shipped = digits.shipped(server.baseUrl());
        int[] truth = DigitsPage.levels(browser.attribute("digits-inpaint-results", "data-truth"));
        float[] image = shipped.image(1502);
        for (int k = 0; k < Digits.PIXELS; k++) {
            assertEquals(Digits.level(image[k]), truth[k], "the page's test digit is the server's digit 1502, pixel " + k);
        }
        int[] draws = DigitsPage.levels(browser.attribute("digits-inpaint-results", "data-levels"));
        assertEquals(6 * Digits.PIXELS, draws.length, "six draws");
        Set<String> fills = new HashSet<>();
        for (int i = 0; i < 6; i++) {
            StringBuilder fill = new StringBuilder();
            for (int k = 0; k < Digits.PIXELS; k++) {
                if (hidden.charAt(k) == '0') {
                    assertEquals(truth[k], draws[i * Digits.PIXELS + k], "draw " + i + ", known pixel " + k);
                } else {
                    fill.append((char) ('a' + draws[i * Digits.PIXELS + k]));
                }
            }
            fills.add(fill.toString());
        }
        assertTrue(fills.size() >= 2, "several noise draws fill the hidden pixels differently: " + fills);
        double error = Double.parseDouble(browser.attribute("digits-inpaint-results", "data-error"));
        double meanError = Double.parseDouble(browser.attribute("digits-inpaint-results", "data-mean-error"));
        double averageError = Double.parseDouble(browser.attribute("digits-inpaint-results", "data-average-error"));
        System.out.println("[e2e] inpainting digit 1502, 23 hidden pixels: RMS error per draw " + error + ", of the draws' average "
                + averageError + ", of the mean image " + meanError
                + ", fill " + browser.attribute("digits-inpaint-results", "data-fill-ms") + " ms");
        assertTrue(error < meanError, "a draw beats the mean training image on the hidden pixels: " + error + " vs " + meanError);
        digits.scrollTo("digits-inpaint");
        browser.screenshot("digits-inpaint");
        browser.assertNoPageError();
    }

    /** Offset from the canvas centre (Selenium's origin) to the centre of cell i. */
    private static int offset(int i, double cell) {
        return (int) Math.round((i + 0.5) * cell - 4 * cell);
    }
}
