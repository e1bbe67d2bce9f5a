package flowplay.web.field;

import flowplay.core.path.Scheduler;

/**
 * p_t drawn from the data: x_t = α_t·x1 + σ_t·x0 with the model's own scheduler, each source point x0_i paired with
 * data point i (cycling when there are fewer data points). It is the path the model was trained to follow, so it is
 * what the model's ODE positions ({@link ModelPath}) should match at every t.
 */
public final class DataPath {
    private DataPath() {
    }

    /**
     * Writes n points of p_t into out (row-major, 2-D).
     *
     * @param data     m data points (row-major x, y), m ≥ 1
     * @param noise    at least n source points
     */
    public static void at(Scheduler scheduler, float[] noise, float[] data, int m, int n, double t, float[] out) {
        float a = (float) scheduler.alpha(t);
        float s = (float) scheduler.sigma(t);
        for (int i = 0; i < n; i++) {
            int j = i % m;
            out[2 * i] = a * data[2 * j] + s * noise[2 * i];
            out[2 * i + 1] = a * data[2 * j + 1] + s * noise[2 * i + 1];
        }
    }
}
