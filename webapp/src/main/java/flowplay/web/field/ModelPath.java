package flowplay.web.field;

import flowplay.core.model.VelocityField;
import flowplay.core.solver.FixedGrid;
import flowplay.core.solver.Heun;
import flowplay.core.solver.Sampler;
import flowplay.core.solver.TimeGrid;
import flowplay.core.solver.Trajectory;

/**
 * p_t as the model moves it: the source points integrated once per model along dx/dt = u(x, t), every frame kept, so
 * that moving the t slider or playing the animation only interpolates between cached frames and never solves again.
 */
public final class ModelPath {
    private final double[] times;
    private final float[][] frames;
    private final int n;

    private ModelPath(double[] times, float[][] frames, int n) {
        this.times = times;
        this.frames = frames;
        this.n = n;
    }

    /** Integrates n source points (not modified) on the grid with Heun steps, keeping all frames. */
    public static ModelPath integrate(VelocityField field, float[] noise, int n, TimeGrid grid) {
        float[] x = new float[2 * n];
        System.arraycopy(noise, 0, x, 0, x.length);
        Trajectory recorded = Trajectory.all();
        Sampler.run(field, new FixedGrid(new Heun()), x, n, grid, recorded);
        int k = recorded.frameCount();
        double[] times = new double[k];
        float[][] frames = new float[k][];
        for (int i = 0; i < k; i++) {
            times[i] = recorded.time(i);
            frames[i] = recorded.frame(i);
        }
        return new ModelPath(times, frames, n);
    }

    public int count() {
        return n;
    }

    public double start() {
        return times[0];
    }

    public double end() {
        return times[times.length - 1];
    }

    /** The points at time t, clamped to the integrated interval, linearly interpolated between the two nearest frames. */
    public void at(double t, float[] out) {
        double c = Math.max(start(), Math.min(end(), t));
        int k = 0;
        while (k + 2 < times.length && times[k + 1] < c) {
            k++;
        }
        if (times.length == 1) {
            System.arraycopy(frames[0], 0, out, 0, 2 * n);
            return;
        }
        double span = times[k + 1] - times[k];
        float f = (float) (span > 0 ? (c - times[k]) / span : 0);
        float[] a = frames[k];
        float[] b = frames[k + 1];
        for (int i = 0; i < 2 * n; i++) {
            out[i] = a[i] + (b[i] - a[i]) * f;
        }
    }
}
