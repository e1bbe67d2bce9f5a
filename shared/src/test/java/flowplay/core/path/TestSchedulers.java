package flowplay.core.path;

import flowplay.core.model.VelocityField;
import flowplay.core.path.scheduler.CondOt;
import flowplay.core.path.scheduler.Cosine;
import flowplay.core.path.scheduler.LinearVp;
import flowplay.core.path.scheduler.Polynomial;
import flowplay.core.path.scheduler.Vp;

import java.util.List;

/** Every scheduler and parameter choice the tests sweep, and a tiny RK4 loop independent of the solver package. */
final class TestSchedulers {
    private TestSchedulers() {
    }

    static List<Scheduler> all() {
        return List.of(new CondOt(), new Polynomial(2), new Polynomial(3), new Polynomial(0.5), new Vp(), new Vp(0.5, 5),
                new LinearVp(), new Cosine());
    }

    static String label(Scheduler s) {
        return Schedulers.toJson(s);
    }

    /** Classic RK4 from t0 to t1 in {@code steps} equal steps, in place on x. */
    static void rk4(VelocityField u, float[] x, int n, double t0, double t1, int steps) {
        double[] grid = new double[steps + 1];
        for (int k = 0; k <= steps; k++) {
            grid[k] = k == steps ? t1 : t0 + (t1 - t0) * k / steps;
        }
        rk4(u, x, n, grid);
    }

    /** Classic RK4 along the time grid, in place on x. */
    static void rk4(VelocityField u, float[] x, int n, double[] grid) {
        int steps = grid.length - 1;
        int m = n * u.dim();
        float[] k1 = new float[m];
        float[] k2 = new float[m];
        float[] k3 = new float[m];
        float[] k4 = new float[m];
        float[] y = new float[m];
        for (int step = 0; step < steps; step++) {
            double t = grid[step];
            double h = grid[step + 1] - t;
            u.velocity(x, (float) t, n, k1);
            for (int j = 0; j < m; j++) {
                y[j] = (float) (x[j] + 0.5 * h * k1[j]);
            }
            u.velocity(y, (float) (t + 0.5 * h), n, k2);
            for (int j = 0; j < m; j++) {
                y[j] = (float) (x[j] + 0.5 * h * k2[j]);
            }
            u.velocity(y, (float) (t + 0.5 * h), n, k3);
            for (int j = 0; j < m; j++) {
                y[j] = (float) (x[j] + h * k3[j]);
            }
            u.velocity(y, (float) grid[step + 1], n, k4);
            for (int j = 0; j < m; j++) {
                x[j] = (float) (x[j] + h / 6.0 * (k1[j] + 2.0 * k2[j] + 2.0 * k3[j] + k4[j]));
            }
        }
    }
}
