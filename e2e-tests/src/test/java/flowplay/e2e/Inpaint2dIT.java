package flowplay.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/**
 * 2-D inpainting (issue 8): the bundled moons model trained with the dependent coupling, x fixed by a click on the
 * inpainting plot. The fixed coordinate must stay exactly on the line, and the inpainted y land on the moons' arcs there
 * (checked against make_moons' definition, not against Flowplay's generator).
 */
class Inpaint2dIT extends PlaygroundSession {
    private static final Duration INPAINT_TIMEOUT = Duration.ofSeconds(60);
    /** Where the click fixes x: both moons cross the line x = 0.5 (at y ≈ 0.87 and y ≈ −0.37). */
    private static final double TARGET = 0.5;
    /** The box the moons are drawn in: [−3, 3]². */
    private static final double HALF_EXTENT = 3;

    @Override
    Browser openBrowser() throws Exception {
        return Browser.withoutWebGpu("inpaint");
    }

    @Test
    void aClickFixesXAndTheInpaintedYLandOnTheArcs() {
        page.open(server.baseUrl());
        browser.set("pretrained", "moons-inpaint");
        browser.waitUntil("the inpainting card draws", INPAINT_TIMEOUT,
                () -> browser.byId("inpaint").isDisplayed() && !"0".equals(browser.attribute("inpaint-stats", "data-draws")));
        int before = Integer.parseInt(browser.attribute("inpaint-stats", "data-draws"));

        WebElement plot = browser.byId("inpaint-plot");
        ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].scrollIntoView({block: 'center'});", plot);
        int dx = (int) Math.round(TARGET / HALF_EXTENT / 2 * plot.getRect().getWidth()); // from the centre, x = 0
        new Actions(browser.driver()).moveToElement(plot, dx, 0).click().perform();
        browser.waitUntil("a drawing after the click", INPAINT_TIMEOUT,
                () -> Integer.parseInt(browser.attribute("inpaint-stats", "data-draws")) > before);
        browser.assertNoPageError();

        Map<String, String> s = browser.dataAttributes("inpaint-stats");
        System.out.println("[e2e] inpaint: " + s);
        assertEquals("x", s.get("data-axis"));
        float c = Float.parseFloat(s.get("data-value"));
        assertTrue(Math.abs(c - TARGET) <= 0.03, "the click fixed x = " + c + ", aimed at " + TARGET);
        assertEquals(0.0, Double.parseDouble(s.get("data-max-deviation")), "x stays exactly c: " + s);
        String[] rows = browser.byId("inpaint-csv").getDomProperty("value").trim().split("\n");
        assertEquals(Integer.parseInt(s.get("data-count")), rows.length);
        int near = 0;
        int upper = 0;
        for (String row : rows) {
            String[] xy = row.split(",");
            assertEquals(c, Float.parseFloat(xy[0]), "every point has x = c exactly: " + row);
            double y = Double.parseDouble(xy[1]);
            double up = arcDistance(c, y, 0, 0, 1);
            double down = arcDistance(c, y, 1, 0.5, -1);
            near += Math.min(up, down) < 0.3 ? 1 : 0;
            upper += up < down ? 1 : 0;
        }
        System.out.printf("[e2e] inpaint at x = %s: %d of %d y within 0.3 of an arc, %d on the upper moon%n", c, near, rows.length, upper);
        assertTrue(near >= 0.9 * rows.length, near + " of " + rows.length + " within 0.3 of a moon arc");
        assertTrue(upper > 0.2 * rows.length && upper < 0.8 * rows.length, "both moons cross x = " + c + "; upper: " + upper);
        assertTrue(Integer.parseInt(s.get("data-data-count")) > 50, "data near the line to compare with: " + s);
        assertTrue(Math.abs(Double.parseDouble(s.get("data-mean")) - Double.parseDouble(s.get("data-data-mean"))) < 0.2,
                "the model's mean y is the data's near the line: " + s);

        ((JavascriptExecutor) browser.driver()).executeScript("document.getElementById('inpaint').scrollIntoView({block: 'start'});");
        browser.screenshot("inpaint-2d");
    }

    /**
     * Distance from (x, y) to make_moons' noise-free half circle of radius 1 around (cx, cy), the upper half (side 1) or
     * the lower one (side −1), its ends included.
     */
    private static double arcDistance(double x, double y, double cx, double cy, int side) {
        double best = Double.POSITIVE_INFINITY;
        for (int i = 0; i <= 2000; i++) {
            double s = Math.PI * i / 2000;
            best = Math.min(best, Math.hypot(x - (cx + side * Math.cos(s)), y - (cy + side * Math.sin(s))));
        }
        return best;
    }
}
