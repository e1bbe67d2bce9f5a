package flowplay.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * The design choices beyond the seed's recipe, end to end from the URL hash: a vp path, x1 prediction, Fourier time
 * features (which the browser's forward pass must rebuild), minibatch OT, cosine learning rate and EMA weights. The
 * page shows only the controls that matter for the chosen options, and the trained model draws two moons.
 */
class DesignChoicesIT extends PlaygroundSession {
    private static final int STEPS = 1500;

    @Override
    Browser openBrowser() throws Exception {
        return Browser.withoutWebGpu("design-choices");
    }

    @Test
    void trainsAVpX1FourierModelWithOtCouplingAndDrawsMoons() {
        page.open(server.baseUrl() + "#dataset=moons&scheduler=vp&betaMin=0.2&prediction=x1&timeInput=fourier&fourierK=3"
                + "&coupling=minibatch-ot&batch=128&lrSchedule=cosine&ema=0.99&steps=" + STEPS + "&checkpointEvery=500"
                // x1 → velocity divides by σ_t, which vanishes at t = 1 on vp: a solver that evaluates at the clipped end
                // (heun) amplifies the prediction's error there, so the check samples with midpoint.
                + "&solver=midpoint&sampleSteps=48");
        assertEquals("vp", browser.value("scheduler"), "the hash sets the scheduler");
        assertEquals("0.2", browser.value("betaMin"));
        assertTrue(shown("betaMin") && shown("betaMax") && shown("fourierK"), "vp and fourier show their parameters");
        assertFalse(shown("polynomialN") || shown("sinkhornEpsilon") || shown("maskKeep") || shown("timeMean"),
                "parameters of choices not taken are hidden");
        browser.set("scheduler", "polynomial");
        assertTrue(shown("polynomialN") && !shown("betaMin"), "switching the scheduler swaps its parameters");
        browser.set("scheduler", "vp");
        assertEquals("0.2", browser.value("betaMin"), "a hidden parameter keeps its value");

        page.train(Map.of());
        PlaygroundPage.Stats s = page.awaitTrained(STEPS);
        browser.screenshot("design-choices-vp-x1-fourier");
        String model = s.raw().get("data-model");
        assertTrue(model != null && model.contains("vp") && model.contains("x1"), "data-model names the path and prediction; " + s);
        page.assertMoonsShape(s, Integer.parseInt(browser.value("samples")));
        browser.assertNoPageError();
    }

    /** Whether the setting's control is on screen (its label is not hidden). */
    private boolean shown(String setting) {
        return browser.driver().findElement(By.cssSelector("label[for='" + setting + "']")).isDisplayed();
    }
}
