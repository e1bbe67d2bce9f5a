package flowplay.core.path;

import flowplay.core.prediction.Prediction;
import flowplay.core.rng.Rng;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class GaussianOracleTest {
    private static final double[] MU = {1.0, -0.5};
    private static final double S = 0.5;
    private static final double[] TIMES = {0.1, 0.3, 0.5, 0.7, 0.9};

    private static float[] gaussian(Rng rng, int count) {
        float[] out = new float[count];
        rng.fillGaussian(out, 0, count);
        return out;
    }

    /**
     * For each prediction, its value at the optimum is built here from Gaussian conditioning (E[x1|x_t] and E[x0|x_t]
     * with the covariances of x_t = α·x1 + σ·x0), then pushed through the path's conversion to a velocity and to a score.
     */
    @Test
    void velocityAndScoreEqualTheConversionOfTheConditionalMeans() {
        Rng rng = new Rng(11);
        int n = 50;
        for (Scheduler s : TestSchedulers.all()) {
            GaussianOracle oracle = new GaussianOracle(MU, S, s);
            AffinePath path = new AffinePath(s);
            for (double t : TIMES) {
                double a = s.alpha(t);
                double sg = s.sigma(t);
                double v = a * a * S * S + sg * sg;
                float[] x = gaussian(rng, n * 2);
                float[] m1 = new float[n * 2];
                float[] m0 = new float[n * 2];
                for (int j = 0; j < n * 2; j++) {
                    double r = x[j] - a * MU[j % 2];
                    m1[j] = (float) (MU[j % 2] + a * S * S / v * r);
                    m0[j] = (float) (sg / v * r);
                }
                float[][] byPrediction = new float[4][n * 2];
                for (int j = 0; j < n * 2; j++) {
                    byPrediction[Prediction.VELOCITY.ordinal()][j] = (float) (s.alphaDot(t) * m1[j] + s.sigmaDot(t) * m0[j]);
                    byPrediction[Prediction.X1.ordinal()][j] = m1[j];
                    byPrediction[Prediction.X0.ordinal()][j] = m0[j];
                    byPrediction[Prediction.SCORE.ordinal()][j] = -m0[j] / (float) sg;
                }
                float[] expectedVelocity = new float[n * 2];
                float[] expectedScore = new float[n * 2];
                oracle.velocity(x, (float) t, n, expectedVelocity);
                oracle.score(x, (float) t, n, expectedScore);
                for (Prediction p : Prediction.values()) {
                    float[] u = new float[n * 2];
                    float[] score = new float[n * 2];
                    path.convert(p, Prediction.VELOCITY, x, byPrediction[p.ordinal()], (float) t, n, 2, u);
                    path.convert(p, Prediction.SCORE, x, byPrediction[p.ordinal()], (float) t, n, 2, score);
                    for (int j = 0; j < n * 2; j++) {
                        String what = TestSchedulers.label(s) + " " + p + " t=" + t;
                        assertEquals(expectedVelocity[j], u[j], 5e-4 * Math.max(1, Math.abs(u[j])), what);
                        assertEquals(expectedScore[j], score[j], 5e-4 * Math.max(1, Math.abs(score[j])), what);
                    }
                }
            }
        }
    }

    @Test
    void scoreIsTheGradientOfTheLogDensityAndDivergenceTheTraceOfTheJacobian() {
        Rng rng = new Rng(12);
        double h = 1e-3;
        for (Scheduler s : TestSchedulers.all()) {
            GaussianOracle oracle = new GaussianOracle(MU, S, s);
            for (double t : TIMES) {
                float[] x = gaussian(rng, 2);
                float[] score = new float[2];
                float[] u = new float[2];
                float[] div = new float[1];
                oracle.score(x, (float) t, 1, score);
                oracle.velocityAndDivergence(x, (float) t, 1, u, div);
                double trace = 0;
                for (int k = 0; k < 2; k++) {
                    float[] plus = x.clone();
                    float[] minus = x.clone();
                    plus[k] += (float) h;
                    minus[k] -= (float) h;
                    double[] lp = new double[1];
                    double[] lm = new double[1];
                    oracle.logDensity(plus, (float) t, 1, lp);
                    oracle.logDensity(minus, (float) t, 1, lm);
                    double step = plus[k] - minus[k];
                    assertEquals((lp[0] - lm[0]) / step, score[k], 1e-3 * Math.max(1, Math.abs(score[k])), s.name());
                    float[] up = new float[2];
                    float[] um = new float[2];
                    oracle.velocity(plus, (float) t, 1, up);
                    oracle.velocity(minus, (float) t, 1, um);
                    trace += (up[k] - um[k]) / step;
                }
                assertEquals(trace, div[0], 2e-2 * Math.max(1, Math.abs(trace)), TestSchedulers.label(s) + " t=" + t);
                float[] e = {0.3f, -1.1f};
                float[] jvp = new float[2];
                oracle.velocityAndJvp(x, (float) t, 1, e, u, jvp);
                assertEquals(div[0] / 2 * e[1], jvp[1], 1e-5 * Math.max(1, Math.abs(jvp[1])));
            }
        }
    }

    @Test
    void densityIntegratesToOneOnAGrid() {
        for (Scheduler s : TestSchedulers.all()) {
            GaussianOracle oracle = new GaussianOracle(MU, S, s);
            for (double t : new double[] {0.0, 0.3, 0.7, 0.99, 1.0}) {
                int cells = 400;
                double lo = -7;
                double width = 14.0 / cells;
                float[] points = new float[cells * cells * 2];
                for (int i = 0; i < cells; i++) {
                    for (int j = 0; j < cells; j++) {
                        points[(i * cells + j) * 2] = (float) (lo + (i + 0.5) * width);
                        points[(i * cells + j) * 2 + 1] = (float) (lo + (j + 0.5) * width);
                    }
                }
                double[] logp = new double[cells * cells];
                oracle.logDensity(points, (float) t, cells * cells, logp);
                double total = 0;
                for (double l : logp) {
                    total += Math.exp(l) * width * width;
                }
                assertEquals(1.0, total, 1e-3, TestSchedulers.label(s) + " t=" + t);
            }
        }
    }

    /** Histogram of x_t = α·x1 + σ·x0 with x1 ~ N(μ, s²I), x0 ~ N(0, I) drawn directly, against the density per bin. */
    @Test
    void densityMatchesAMonteCarloHistogramOfThePath() {
        Rng rng = new Rng(13);
        int samples = 200_000;
        for (Scheduler s : TestSchedulers.all()) {
            GaussianOracle oracle = new GaussianOracle(MU, S, s);
            for (double t : new double[] {0.2, 0.6, 0.9}) {
                double a = s.alpha(t);
                double sg = s.sigma(t);
                double sd = Math.sqrt(oracle.variance(t));
                int bins = 12;
                double width = 6 * sd / bins;
                double[] lo = {a * MU[0] - 3 * sd, a * MU[1] - 3 * sd};
                int[] counts = new int[bins * bins];
                for (int k = 0; k < samples; k++) {
                    int[] cell = new int[2];
                    boolean inside = true;
                    for (int d = 0; d < 2; d++) {
                        double x1 = MU[d] + S * rng.nextGaussian();
                        double xt = a * x1 + sg * rng.nextGaussian();
                        cell[d] = (int) Math.floor((xt - lo[d]) / width);
                        inside &= cell[d] >= 0 && cell[d] < bins;
                    }
                    if (inside) {
                        counts[cell[0] * bins + cell[1]]++;
                    }
                }
                float[] centres = new float[bins * bins * 2];
                for (int i = 0; i < bins; i++) {
                    for (int j = 0; j < bins; j++) {
                        centres[(i * bins + j) * 2] = (float) (lo[0] + (i + 0.5) * width);
                        centres[(i * bins + j) * 2 + 1] = (float) (lo[1] + (j + 0.5) * width);
                    }
                }
                double[] logp = new double[bins * bins];
                oracle.logDensity(centres, (float) t, bins * bins, logp);
                for (int c = 0; c < bins * bins; c++) {
                    double expected = Math.exp(logp[c]) * width * width;
                    double observed = counts[c] / (double) samples;
                    // 5 binomial standard deviations plus the midpoint rule's curvature error
                    double tol = 5 * Math.sqrt(expected / samples) + 0.03 * expected;
                    assertEquals(expected, observed, tol, TestSchedulers.label(s) + " t=" + t + " bin " + c);
                }
            }
        }
    }

    /**
     * RK4 on the oracle velocity carries N(0,I) to N(μ, s²I). For isotropic Gaussians the flow is also known pointwise:
     * x_t = α_t·μ + sqrt(v_t/v_0)·(x_0 − α_0·μ), which each sample must follow. Where the velocity is singular at an end
     * (σ̇ = −∞ at t=1 for vp and linear-vp, α̇ = ∞ at t=0 for t^0.5) the grid is clipped by 1e-6, as a sampler would.
     */
    @Test
    void rk4OnTheOracleCarriesNoiseToTheData() {
        Rng rng = new Rng(14);
        int n = 4000;
        for (Scheduler s : TestSchedulers.all()) {
            GaussianOracle oracle = new GaussianOracle(MU, S, s);
            double[] grid = oracle.safeTimes(1e-6);
            double begin = grid[0];
            double end = grid[1];
            // p at the first time is N(α·μ, v·I): N(0, I) when α_0 = 0; vp's α_0 > 0 (0.25 for β in [0.5, 5]) shifts it
            float[] x = gaussian(rng, n * 2);
            for (int j = 0; j < n * 2; j++) {
                x[j] = (float) (s.alpha(begin) * MU[j % 2] + Math.sqrt(oracle.variance(begin)) * x[j]);
            }
            float[] start = x.clone();
            // quadratic grid: fine steps near t=0, where t^0.5 moves like sqrt(t) and vp's β is largest
            double[] times = new double[301];
            for (int k = 0; k <= 300; k++) {
                times[k] = k == 300 ? end : begin + (end - begin) * (k / 300.0) * (k / 300.0);
            }
            TestSchedulers.rk4(oracle, x, n, times);
            double[] mean = new double[2];
            double[] sq = new double[2];
            double scale = Math.sqrt(oracle.variance(end) / oracle.variance(begin));
            for (int i = 0; i < n; i++) {
                for (int d = 0; d < 2; d++) {
                    double expected = s.alpha(end) * MU[d] + scale * (start[i * 2 + d] - s.alpha(begin) * MU[d]);
                    assertEquals(expected, x[i * 2 + d], 1e-3, TestSchedulers.label(s) + " sample " + i);
                    mean[d] += x[i * 2 + d] / n;
                    sq[d] += x[i * 2 + d] * (double) x[i * 2 + d] / n;
                }
            }
            for (int d = 0; d < 2; d++) {
                double std = Math.sqrt(sq[d] - mean[d] * mean[d]);
                // 4000 samples: standard error of the mean 0.008, of the std 0.006
                assertEquals(MU[d], mean[d], 0.04, TestSchedulers.label(s) + " mean");
                assertEquals(S, std, 0.03, TestSchedulers.label(s) + " std");
            }
        }
    }
}
