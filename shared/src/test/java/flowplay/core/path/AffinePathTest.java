package flowplay.core.path;

import flowplay.core.path.scheduler.CondOt;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class AffinePathTest {
    @Test
    void condOtInterpolatesStraightAndTargetsTheDifference() {
        AffinePath path = new AffinePath(new CondOt());
        float[] x0 = {1f, -2f, 0.5f, 0.5f, 3f, 4f};
        float[] x1 = {3f, 2f, -1f, 0.5f, 3f, 4f};
        float[] t = {0.25f, 1f, 0f};
        float[] xt = new float[6];
        float[] target = new float[6];
        path.sample(x0, x1, t, 3, 2, xt, target);
        assertArrayEquals(new float[] {1.5f, -1f, -1f, 0.5f, 3f, 4f}, xt, 1e-6f);
        assertArrayEquals(new float[] {2f, 4f, -1.5f, 0f, 0f, 0f}, target, 1e-6f);
    }

    @Test
    void condOtDerivativesMatchFiniteDifferences() {
        Scheduler s = new CondOt();
        for (double t = 0.05; t < 1; t += 0.1) {
            double h = 1e-6;
            assertEquals((s.alpha(t + h) - s.alpha(t - h)) / (2 * h), s.alphaDot(t), 1e-8);
            assertEquals((s.sigma(t + h) - s.sigma(t - h)) / (2 * h), s.sigmaDot(t), 1e-8);
        }
        assertEquals(0, s.alpha(0));
        assertEquals(1, s.sigma(0));
        assertEquals(1, s.alpha(1));
        assertEquals(0, s.sigma(1));
    }
}
