package flowplay.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import flowplay.core.data.Digits;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * Digits in the browser (issue 8): the bundled class-conditional model, chosen under Pretrained, takes the 2-D
 * picture's place with a grid of 64 digits that a 1-nearest-neighbour classifier reads as the classes asked for; the
 * class picker redraws it as one class; the strip solves the same noise with N = 1…32; one digit's path has a frame per
 * step. A digits run started from the page streams its checkpoints into the same panel.
 */
class DigitsGridIT extends PlaygroundSession {
    private DigitsPage digits;

    @Override
    Browser openBrowser() throws Exception {
        return Browser.withoutWebGpu("digits");
    }

    @Test
    void theClassModelDrawsSixtyFourDigitsOfTheClassesAskedFor() throws Exception {
        digits = new DigitsPage(browser);
        page.open(server.baseUrl() + "#sampleSteps=32");
        assertFalse(browser.byId("guidance").isDisplayed(), "no class-conditional model yet: the guidance row is hidden");
        new Select(browser.byId("pretrained")).selectByValue("digits-class");
        digits.awaitAll();
        assertEquals("classes(10)", browser.attribute("digits", "data-condition"));
        assertFalse(browser.driver().findElement(By.cssSelector(".samples-card")).isDisplayed(), "the 2-D picture steps aside");
        assertTrue(browser.byId("digits-label-3").isDisplayed() && browser.byId("guidance").isDisplayed(),
                "a class-conditional model shows the class picker and the guidance rows");
        assertEquals("64", browser.attribute("digits-grid", "data-digits"));
        System.out.println("[e2e] digits grid, first solve of the model: " + browser.text("digits-stats"));

        int[] all = DigitsPage.levels(browser.attribute("digits-grid", "data-levels"));
        assertEquals(64 * Digits.PIXELS, all.length);
        int inked = 0;
        for (int k = 0; k < all.length; k++) {
            inked += all[k] >= 10 ? 1 : 0;
        }
        long dark = digits.darkPixels("digits-grid");
        assertTrue(dark >= inked * 36L * 8 / 10, "the canvas shows the ink the levels say: " + dark + " dark canvas pixels for "
                + inked + " inked 6×6 cells");
        List<String> labels = List.of(browser.attribute("digits-grid", "data-labels").split(","));
        assertEquals(64, labels.size());
        digits.shipped(server.baseUrl());
        assertTrue(agreement(all, labels) >= 0.85, "1-NN reads the asked classes: " + agreement(all, labels));
        digits.scrollTo("digits");
        browser.screenshot("digits-grid");

        browser.byId("digits-label-3").click();
        browser.waitUntil("the grid shows class 3", DigitsPage.TIMEOUT, () -> "done".equals(browser.attribute("digits-grid", "data-state"))
                && browser.attribute("digits-grid", "data-labels").startsWith("3,3,"));
        // The second solve of the model (the workers hold it now): the time the page reports for a class change.
        System.out.println("[e2e] digits grid, class 3: " + browser.dataAttributes("digits-stats") + " " + browser.text("digits-stats"));
        int[] threes = DigitsPage.levels(browser.attribute("digits-grid", "data-levels"));
        assertFalse(java.util.Arrays.equals(all, threes), "another class, other digits");
        assertTrue(agreement(threes, java.util.Collections.nCopies(64, "3")) >= 0.85, "1-NN reads threes: " + agreement(threes,
                java.util.Collections.nCopies(64, "3")));
        assertEquals("3", browser.value("label"), "the picker sets the label setting");
        assertTrue(browser.driver().getCurrentUrl().contains("label=3"), browser.driver().getCurrentUrl());
        browser.set("guidance", "0");
        browser.waitUntil("the slider follows guidance 0", DigitsPage.TIMEOUT,
                () -> "0".equals(browser.byId("digits-guidance").getDomProperty("value")));

        digits.awaitAll();
        List<WebElement> rows = browser.driver().findElements(By.cssSelector("#digits-strip .digits-strip-row"));
        List<Integer> steps = new ArrayList<>();
        for (WebElement row : rows) {
            int n = Integer.parseInt(row.getDomAttribute("data-steps"));
            steps.add(n);
            assertEquals(2 * n, Integer.parseInt(row.getDomAttribute("data-nfe")), "heun: two evaluations per step");
            assertEquals(8 * Digits.PIXELS, row.getDomAttribute("data-levels").length());
        }
        assertEquals(List.of(1, 2, 4, 8, 16, 32), steps, "one row per N of stripSteps");
        assertNotEquals(rows.get(0).getDomAttribute("data-levels"), rows.get(5).getDomAttribute("data-levels"), "1 step ≠ 32 steps");
        assertEquals("33", browser.attribute("digits-anim", "data-frames"), "the path: t = 0 and a frame per step");
        assertEquals("1.0", browser.attribute("digits-anim", "data-t"), "shown at its end");
        browser.byId("digits-play").click();
        // Play starts again from the noise (t = 0) and steps a frame per 40 ms: just after the click it is near the start.
        int first = Integer.parseInt(browser.attribute("digits-anim", "data-frame"));
        assertTrue(first < 32, "Play went back to the start: frame " + first);
        browser.waitUntil("Play runs to t = 1", DigitsPage.TIMEOUT, () -> "32".equals(browser.attribute("digits-anim", "data-frame"))
                && "Play".equals(browser.text("digits-play")));
        digits.scrollTo("digits-stats");
        browser.screenshot("digits-strip-path");
        browser.assertNoPageError();
    }

    @Test
    void aDigitsRunStartedFromThePageStreamsIntoThePanel() {
        page.open(server.baseUrl());
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("dataset", "digits");
        settings.put("steps", "200");
        settings.put("checkpointEvery", "100");
        page.train(settings);
        browser.waitUntil("the run's step 200 is in the digits panel", PlaygroundPage.TRAIN_TIMEOUT,
                () -> "200".equals(browser.attribute("digits", "data-step"))
                        && "done".equals(browser.attribute("digits-grid", "data-state")));
        assertEquals("run", browser.attribute("digits", "data-model"));
        assertEquals("classes(10)", browser.attribute("digits", "data-condition"), "conditioning=class is the digits default");
        assertEquals("64", browser.attribute("digits-grid", "data-digits"));
        assertFalse(browser.driver().findElement(By.cssSelector(".samples-card")).isDisplayed());
        browser.assertNoPageError();
    }

    private double agreement(int[] levels, List<String> labels) {
        int agree = 0;
        for (int i = 0; i < labels.size(); i++) {
            agree += Integer.toString(digits.classify(levels, i)).equals(labels.get(i)) ? 1 : 0;
        }
        return agree / (double) labels.size();
    }
}
