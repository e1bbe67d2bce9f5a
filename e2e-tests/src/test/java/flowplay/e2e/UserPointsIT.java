package flowplay.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/**
 * A user's own points in the page: a file data set is fetched and drawn, a CSV is uploaded (then trained on, the
 * server holding exactly those points), a bad CSV is refused with its line named while the previous points stay, the
 * link keeps a small set, and the draw mode adds points where the plot is clicked.
 */
class UserPointsIT extends PlaygroundSession {
    static final int RING = 48;
    static final int TRAIN_STEPS = 300;

    private Path dir;

    @Override
    Browser openBrowser() throws Exception {
        dir = Files.createTempDirectory("flowplay-e2e-points");
        return Browser.withoutWebGpu("user-points");
    }

    @AfterAll
    void cleanUp() throws Exception {
        FlowplayProcess.deleteRecursively(dir);
    }

    @Test
    void uploadTrainRefuseABadFileAndDraw() throws Exception {
        page.open(server.baseUrl());
        browser.set("dataset", "faithful");
        awaitReference("faithful", 272);
        browser.screenshot("faithful");

        // A ring of radius 2, coordinates in eighths so that every float prints and parses back exactly.
        StringBuilder csv = new StringBuilder("x,y\n");
        StringBuilder canonical = new StringBuilder();
        for (int i = 0; i < RING; i++) {
            double a = 2 * Math.PI * i / RING;
            float x = Math.round(16 * Math.cos(a)) / 8f;
            float y = Math.round(16 * Math.sin(a)) / 8f;
            csv.append(x).append(", ").append(y).append('\n');
            canonical.append(x).append(',').append(y).append('\n');
        }
        upload("ring.csv", csv.toString());
        awaitPoints("loaded", RING);
        assertEquals("points", browser.value("dataset"), "uploading selects the points data set");
        awaitReference("points", RING);
        browser.screenshot("ring-uploaded");
        assertEquals("true", browser.attribute("points-message", "data-in-link"));
        assertTrue(browser.driver().getCurrentUrl().contains("points=1"), browser.driver().getCurrentUrl());

        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("steps", Integer.toString(TRAIN_STEPS));
        settings.put("checkpointEvery", "100");
        page.train(settings);
        PlaygroundPage.Stats trained = page.awaitTrained(TRAIN_STEPS);
        browser.screenshot("ring-trained");
        awaitReference("points", RING);
        assertTrue(Math.abs(trained.meanX()) < 0.5 && Math.abs(trained.meanY()) < 0.5, "a ring about the origin; " + trained);
        String id = lastRunId(server.get("api/runs"));
        assertEquals(canonical.toString(), server.get("api/runs/" + id + "/points"), "the server trains on exactly the uploaded points");

        upload("bad.csv", "1,2\n3,4,5\n");
        awaitPoints("error", RING);
        String message = browser.text("points-message");
        assertTrue(message.contains("bad.csv was not used: line 2: expected 2 values, found 3"), message);
        assertTrue(message.contains("The previous " + RING + " points are kept"), message);
        awaitReference("points", RING);
        browser.assertNoPageError();

        StringBuilder many = new StringBuilder();
        for (int i = 0; i < 600; i++) {
            many.append(i % 30 / 10.0).append(',').append(i / 30 / 10.0).append('\n');
        }
        upload("many.csv", many.toString());
        awaitPoints("loaded", 600);
        assertEquals("false", browser.attribute("points-message", "data-in-link"));
        assertTrue(browser.text("points-message").contains("not kept in the link"), browser.text("points-message"));
        assertFalse(browser.driver().getCurrentUrl().contains("points="), "a large set leaves the link");

        browser.byId("clear-points").click();
        awaitPoints("empty", 0);
        browser.byId("draw-points").click();
        assertEquals("true", browser.attribute("draw-points", "aria-pressed"));
        WebElement plot = browser.driver().findElement(By.cssSelector("canvas#plot"));
        int w = plot.getRect().getWidth();
        new Actions(browser.driver()).moveToElement(plot, 0, 0).click().perform();
        new Actions(browser.driver()).moveToElement(plot, w / 4, -w / 4).click().perform();
        awaitPoints("drawing", 2);
        awaitReference("points", 2);
        browser.screenshot("two-points-drawn");

        // The link now holds the two points: a new page from it has them.
        String link = browser.driver().getCurrentUrl();
        assertTrue(link.contains("dataset=points") && link.contains("points=1"), link);
        page.open(link);
        awaitPoints("loaded", 2);
        awaitReference("points", 2);
        browser.assertNoPageError();
    }

    private void upload(String name, String text) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        browser.byId("points-file").sendKeys(file.toAbsolutePath().toString());
    }

    private void awaitPoints(String state, int count) {
        browser.waitUntil("#points-message[data-state=" + state + "][data-count=" + count + "]", PlaygroundPage.DRAW_TIMEOUT,
                () -> state.equals(browser.attribute("points-message", "data-state"))
                        && Integer.toString(count).equals(browser.attribute("points-message", "data-count")));
    }

    private void awaitReference(String dataset, int count) {
        browser.waitUntil("#plot[data-reference=" + dataset + "][data-reference-count=" + count + "]", PlaygroundPage.DRAW_TIMEOUT,
                () -> dataset.equals(browser.attribute("plot", "data-reference"))
                        && Integer.toString(count).equals(browser.attribute("plot", "data-reference-count")));
    }

    private static String lastRunId(String runs) {
        Matcher m = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f]+)\"").matcher(runs);
        String id = null;
        while (m.find()) {
            id = m.group(1);
        }
        assertTrue(id != null, runs);
        return id;
    }
}
