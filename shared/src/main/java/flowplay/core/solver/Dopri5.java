package flowplay.core.solver;

import flowplay.core.model.VelocityField;

/**
 * Adaptive Dormand–Prince 5(4): seven stages, the fifth-order solution is propagated and its difference to the embedded
 * fourth-order one estimates the local error. The last stage is the slope at the new point, so an accepted step hands it
 * on as the next first stage (first same as last): six evaluations per attempted step.
 *
 * <p>The error of a step is the RMS over all points and dimensions of err_i / (atol + rtol·max(|x_i|, |x_new_i|)); a
 * step is accepted when that is at most 1, and the next step is scaled by safety·err^(−1/5), clamped to
 * [{@link #MIN_FACTOR}, {@link #MAX_FACTOR}] (and not grown right after a rejection). Steps are shortened to land on
 * every grid time, where the trajectory is recorded.
 */
public final class Dopri5 implements Integrator {
    static final double SAFETY = 0.9;
    static final double MIN_FACTOR = 0.2;
    static final double MAX_FACTOR = 10.0;

    // Butcher tableau (Dormand & Prince 1980).
    private static final double C2 = 1.0 / 5, C3 = 3.0 / 10, C4 = 4.0 / 5, C5 = 8.0 / 9;
    private static final double A21 = 1.0 / 5;
    private static final double A31 = 3.0 / 40, A32 = 9.0 / 40;
    private static final double A41 = 44.0 / 45, A42 = -56.0 / 15, A43 = 32.0 / 9;
    private static final double A51 = 19372.0 / 6561, A52 = -25360.0 / 2187, A53 = 64448.0 / 6561, A54 = -212.0 / 729;
    private static final double A61 = 9017.0 / 3168, A62 = -355.0 / 33, A63 = 46732.0 / 5247, A64 = 49.0 / 176,
            A65 = -5103.0 / 18656;
    // Fifth-order weights, which are also the coefficients of the seventh stage.
    private static final double B1 = 35.0 / 384, B3 = 500.0 / 1113, B4 = 125.0 / 192, B5 = -2187.0 / 6784, B6 = 11.0 / 84;
    // Fifth minus fourth order weights: the local error estimate.
    private static final double E1 = 71.0 / 57600, E3 = -71.0 / 16695, E4 = 71.0 / 1920, E5 = -17253.0 / 339200,
            E6 = 22.0 / 525, E7 = -1.0 / 40;

    private final double rtol;
    private final double atol;
    private final int maxNfe;
    private float[] k1 = new float[0], k2, k3, k4, k5, k6, k7, stage, next;

    public Dopri5(double rtol, double atol, int maxNfe) {
        new SolverParams(rtol, atol, maxNfe, 0, 0); // validates
        this.rtol = rtol;
        this.atol = atol;
        this.maxNfe = maxNfe;
    }

    @Override
    public String name() {
        return "dopri5";
    }

    @Override
    public SolveResult integrate(VelocityField u, float[] x, int n, TimeGrid grid, Trajectory trajectory) {
        int dim = u.dim();
        int size = n * dim;
        ensure(size);
        if (trajectory != null) {
            trajectory.record(grid.start(), x, n, dim);
        }
        double direction = grid.forward() ? 1 : -1;
        double t = grid.start();
        int nfe = 0;
        int accepted = 0;
        int rejected = 0;
        u.velocity(x, (float) t, n, k1);
        nfe++;
        double h = initialStep(u, x, n, t, direction, Math.abs(grid.end() - grid.start()));
        nfe++;
        boolean lastRejected = false;
        for (int k = 0; k < grid.steps(); k++) {
            double target = grid.time(k + 1);
            while (t != target) {
                double remaining = Math.abs(target - t);
                boolean lands = h >= remaining;
                double step = direction * (lands ? remaining : h);
                if (nfe + 6 > maxNfe) {
                    throw new NfeBudgetExceededException(name(), maxNfe, t, grid.end());
                }
                double err = attempt(u, x, n, t, step, size);
                nfe += 6;
                if (err <= 1) {
                    t = lands ? target : t + step;
                    System.arraycopy(next, 0, x, 0, size);
                    float[] swap = k1;
                    k1 = k7;
                    k7 = swap;
                    accepted++;
                    double factor = err == 0 ? MAX_FACTOR : Math.min(MAX_FACTOR, Math.max(MIN_FACTOR, SAFETY * Math.pow(err, -0.2)));
                    if (lastRejected) {
                        factor = Math.min(factor, 1);
                    }
                    // A step cut short to land on a grid time says little about how large the next one may be.
                    h = (lands ? h : Math.abs(step)) * factor;
                    lastRejected = false;
                } else {
                    rejected++;
                    h = Math.abs(step) * Math.max(MIN_FACTOR, SAFETY * Math.pow(err, -0.2));
                    lastRejected = true;
                }
                if (h < 1e-10 * Math.max(1, Math.abs(t))) {
                    throw new IllegalStateException("dopri5 step size underflow (h = " + h + ") at t = " + t + "; the field is not finite or too stiff");
                }
            }
            if (trajectory != null) {
                trajectory.record(target, x, n, dim);
            }
        }
        return new SolveResult(name(), nfe, accepted, rejected, grid.start(), grid.end(), grid.clipped());
    }

    /** One Dormand–Prince step from (t, x) with slope k1 already known; leaves x_new in {@code next}, k7 = u(t+h, x_new). */
    private double attempt(VelocityField u, float[] x, int n, double t, double h, int size) {
        for (int i = 0; i < size; i++) {
            stage[i] = (float) (x[i] + h * A21 * k1[i]);
        }
        u.velocity(stage, (float) (t + C2 * h), n, k2);
        for (int i = 0; i < size; i++) {
            stage[i] = (float) (x[i] + h * (A31 * k1[i] + A32 * k2[i]));
        }
        u.velocity(stage, (float) (t + C3 * h), n, k3);
        for (int i = 0; i < size; i++) {
            stage[i] = (float) (x[i] + h * (A41 * k1[i] + A42 * k2[i] + A43 * k3[i]));
        }
        u.velocity(stage, (float) (t + C4 * h), n, k4);
        for (int i = 0; i < size; i++) {
            stage[i] = (float) (x[i] + h * (A51 * k1[i] + A52 * k2[i] + A53 * k3[i] + A54 * k4[i]));
        }
        u.velocity(stage, (float) (t + C5 * h), n, k5);
        for (int i = 0; i < size; i++) {
            stage[i] = (float) (x[i] + h * (A61 * k1[i] + A62 * k2[i] + A63 * k3[i] + A64 * k4[i] + A65 * k5[i]));
        }
        u.velocity(stage, (float) (t + h), n, k6);
        for (int i = 0; i < size; i++) {
            next[i] = (float) (x[i] + h * (B1 * k1[i] + B3 * k3[i] + B4 * k4[i] + B5 * k5[i] + B6 * k6[i]));
        }
        u.velocity(next, (float) (t + h), n, k7);
        double sum = 0;
        for (int i = 0; i < size; i++) {
            double err = h * (E1 * k1[i] + E3 * k3[i] + E4 * k4[i] + E5 * k5[i] + E6 * k6[i] + E7 * k7[i]);
            double scale = atol + rtol * Math.max(Math.abs(x[i]), Math.abs(next[i]));
            sum += (err / scale) * (err / scale);
        }
        return size == 0 ? 0 : Math.sqrt(sum / size);
    }

    /**
     * Hairer, Nørsett & Wanner's starting step: make an explicit Euler step's change about 1% of the state, then check
     * the second derivative with one more evaluation so that h⁵ times it is about the tolerance.
     */
    private double initialStep(VelocityField u, float[] x, int n, double t, double direction, double span) {
        int size = n * u.dim();
        double d0 = 0;
        double d1 = 0;
        for (int i = 0; i < size; i++) {
            double scale = atol + rtol * Math.abs(x[i]);
            d0 += (x[i] / scale) * (x[i] / scale);
            d1 += (k1[i] / scale) * (k1[i] / scale);
        }
        d0 = Math.sqrt(d0 / Math.max(size, 1));
        d1 = Math.sqrt(d1 / Math.max(size, 1));
        double h0 = (d0 < 1e-5 || d1 < 1e-5) ? 1e-6 : 0.01 * d0 / d1;
        h0 = Math.min(h0, span);
        for (int i = 0; i < size; i++) {
            stage[i] = (float) (x[i] + direction * h0 * k1[i]);
        }
        u.velocity(stage, (float) (t + direction * h0), n, k2);
        double d2 = 0;
        for (int i = 0; i < size; i++) {
            double scale = atol + rtol * Math.abs(x[i]);
            double diff = (k2[i] - k1[i]) / scale;
            d2 += diff * diff;
        }
        d2 = Math.sqrt(d2 / Math.max(size, 1)) / h0;
        double larger = Math.max(d1, d2);
        double h1 = larger <= 1e-15 ? Math.max(1e-6, h0 * 1e-3) : Math.pow(0.01 / larger, 0.2);
        return Math.min(Math.min(100 * h0, h1), span);
    }

    private void ensure(int size) {
        if (k1.length < size || k2 == null) {
            k1 = new float[size];
            k2 = new float[size];
            k3 = new float[size];
            k4 = new float[size];
            k5 = new float[size];
            k6 = new float[size];
            k7 = new float[size];
            stage = new float[size];
            next = new float[size];
        }
    }
}
