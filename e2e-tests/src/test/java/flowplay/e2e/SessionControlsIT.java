package flowplay.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.Select;

/**
 * The session controls on the WebGPU page: a bundled pretrained model draws before any training; a run pauses (its
 * step stops), resumes and finishes; the checkpoint timeline draws an earlier step; the PNG (captured from the WebGPU
 * canvas) and trajectory exports hold real data; Reset returns to the data set view.
 */
class SessionControlsIT extends PlaygroundSession {
    static final int RUN_STEPS = 6000;
    static final int EVERY = 1000;

    @Override
    Browser openBrowser() throws Exception {
        return Browser.withWebGpu("session-controls");
    }

    @Test
    void pretrainedPauseTimelineExportsAndReset() throws Exception {
        page.open(server.baseUrl());

        // A bundled model, through the same loader as a file.
        new Select(browser.byId("pretrained")).selectByValue("moons-condot-velocity");
        browser.waitUntil("the pretrained model is drawn", PlaygroundPage.DRAW_TIMEOUT,
                () -> "loaded".equals(browser.attribute("load-message", "data-state"))
                        && String.valueOf(browser.attribute("stats", "data-model")).contains("moons-condot-velocity"));
        PlaygroundPage.Stats pretrained = page.stats();
        assertEquals(20000, pretrained.step(), pretrained.toString());
        assertTrue(pretrained.count() > 0 && Math.abs(pretrained.meanY() - 0.25) < 0.3, pretrained.toString());
        assertTrue(href("download-checkpoint").endsWith("/pretrained/moons-condot-velocity.safetensors"), href("download-checkpoint"));
        browser.screenshot("session-pretrained");

        // Train, pause: the state says paused and the step stops; resume to the end.
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("dataset", "moons");
        settings.put("steps", Integer.toString(RUN_STEPS));
        settings.put("checkpointEvery", Integer.toString(EVERY));
        page.train(settings);
        browser.waitUntil("#run-state is running", PlaygroundPage.TRAIN_TIMEOUT, () -> "running".equals(page.runState()));
        String id = lastRunId(server.get("api/runs"));
        // Pause once steps flow: the step in flight at a pause still completes, and the first one is slow (warm-up).
        browser.waitUntil("the run has stepped", PlaygroundPage.TRAIN_TIMEOUT, () -> {
            try {
                return runStep(id) >= 50;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        browser.byId("pause").click();
        browser.waitUntil("#run-state is paused", PlaygroundPage.DRAW_TIMEOUT, () -> "paused".equals(page.runState()));
        Thread.sleep(400);
        long step = runStep(id);
        Thread.sleep(1000);
        assertEquals(step, runStep(id), "a paused run must not step");
        assertTrue(step < RUN_STEPS, "paused before the end, at step " + step);
        browser.byId("resume").click();
        PlaygroundPage.Stats trained = page.awaitTrained(RUN_STEPS);
        page.assertMoonsShape(trained, Integer.parseInt(browser.value("samples")));

        // The timeline lists the checkpoints; its first position draws the first one.
        browser.waitUntil("#timeline lists the checkpoints", PlaygroundPage.DRAW_TIMEOUT,
                () -> String.valueOf(browser.attribute("timeline", "data-steps")).startsWith(EVERY + ","));
        long drawsBefore = page.stats().draws();
        ((JavascriptExecutor) browser.driver()).executeScript(
                "var t = document.getElementById('timeline'); t.value = '0'; t.dispatchEvent(new Event('change'));");
        browser.waitUntil("#stats[data-step] is " + EVERY, PlaygroundPage.DRAW_TIMEOUT,
                () -> page.stats().step() == EVERY && page.stats().draws() > drawsBefore);
        assertTrue(href("download-checkpoint").endsWith("/api/runs/" + id + "/checkpoints/" + EVERY), href("download-checkpoint"));
        browser.screenshot("session-timeline-first");

        // Exports: a PNG of the WebGPU canvas that is not blank, and the trajectories in the CLI's format.
        browser.byId("export-png").click();
        String png = browser.byId("png-data").getDomProperty("value");
        assertTrue(png.startsWith("data:image/png;base64,"), png.length() > 60 ? png.substring(0, 60) : png);
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(png.substring(png.indexOf(',') + 1))));
        assertTrue(image.getWidth() > 100 && distinctOpaqueColours(image) > 10,
                "the PNG shows the picture, not a transparent frame (" + distinctOpaqueColours(image) + " colours)");
        browser.byId("export-trajectories").click();
        String csv = browser.byId("trajectories-csv").getDomProperty("value");
        String[] lines = csv.split("\n");
        int frames = Integer.parseInt(browser.value("sampleSteps")) + 1;
        assertEquals(0, lines.length % frames, "every point has every frame");
        assertTrue(lines[0].startsWith("0,0.0,"), lines[0]);
        assertTrue(lines[frames - 1].startsWith("0,1.0,"), lines[frames - 1]);
        assertTrue(lines[frames].startsWith("1,0.0,"), lines[frames]);
        for (String line : lines) {
            assertEquals(4, line.split(",").length, "point,t,x,y: " + line);
        }
        browser.assertNoPageError();

        // Reset: back to the data set view.
        browser.byId("reset").click();
        browser.waitUntil("#run-state is idle and #stats cleared", PlaygroundPage.DRAW_TIMEOUT,
                () -> "idle".equals(page.runState()) && page.stats().step() == -1);
        assertEquals("moons", browser.attribute("plot", "data-reference"));
        assertEquals("", browser.attribute("timeline", "data-steps"));
        browser.screenshot("session-reset");
        browser.assertNoPageError();
    }

    private String href(String id) {
        String h = browser.byId(id).getDomProperty("href");
        return h == null ? "" : h;
    }

    private long runStep(String id) throws Exception {
        Matcher m = Pattern.compile("\"step\"\\s*:\\s*([0-9]+)").matcher(server.get("api/runs/" + id));
        assertTrue(m.find());
        return Long.parseLong(m.group(1));
    }

    private static int distinctOpaqueColours(BufferedImage image) {
        java.util.Set<Integer> colours = new java.util.HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 7) {
            for (int x = 0; x < image.getWidth(); x += 7) {
                int argb = image.getRGB(x, y);
                if ((argb >>> 24) > 200) {
                    colours.add(argb);
                }
            }
        }
        return colours.size();
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
