package flowplay.core.training;

import flowplay.core.rng.Rng;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SchedulesTest {
    @Test
    void cosineDecayStartsAtTheRateHalvesMidwayAndEndsNearZero() {
        assertEquals(0.01, LrSchedule.COSINE.at(0.01, 1, 1000), 1e-15);
        assertEquals(0.005, LrSchedule.COSINE.at(0.01, 501, 1000), 1e-12);
        assertTrue(LrSchedule.COSINE.at(0.01, 1000, 1000) < 1e-7);
        assertEquals(0.01, LrSchedule.CONSTANT.at(0.01, 1000, 1000));
    }

    @Test
    void emaDecayWarmsUpToTheConfiguredValue() {
        assertEquals(2.0 / 11.0, EmaDecay.at(0.999, 1), 1e-15);
        assertEquals(0.999, EmaDecay.at(0.999, 100_000));
        assertEquals(0.9, EmaDecay.at(0.9, 500));
    }

    /** Logit-normal times: the logit of t is N(m, s²) (its quantiles), and t stays inside the requested interval. */
    @Test
    void logitNormalTimesHaveNormalLogits() {
        TimeSampler sampler = new TimeSampler(TimeSampler.LOGIT_NORMAL, 0.5, 0.7);
        Rng rng = new Rng(3);
        int n = 200_000;
        double[] logits = new double[n];
        for (int i = 0; i < n; i++) {
            double t = sampler.sample(rng, 0, 1);
            logits[i] = Math.log(t / (1 - t));
        }
        Arrays.sort(logits);
        assertEquals(0.5, logits[n / 2], 0.01);
        assertEquals(0.5 + 0.7 * 1.6449, logits[(int) (0.95 * n)], 0.02);
        assertEquals(0.5 - 0.7 * 1.6449, logits[(int) (0.05 * n)], 0.02);
        for (int i = 0; i < 1000; i++) {
            double t = sampler.sample(rng, 0.1, 0.6);
            assertTrue(t >= 0.1 && t <= 0.6, "t=" + t);
        }
    }
}
