package flowplay.core.solver;

import flowplay.core.GaussianFlow;
import flowplay.core.rng.Rng;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Every solver against the closed-form condot flow from N(0, I) to N(μ, s²) per coordinate. */
class GaussianTransportTest {
    private static final double[] MU = {1.5, -1.0};
    private static final double[] S = {0.4, 1.3};
    private static final int N = 20_000;

    private static float[] noise(long seed) {
        float[] x = new float[N * 2];
        new Rng(seed).fillGaussian(x, 0, x.length);
        return x;
    }

    private static double[] meanAndStd(float[] x, int j) {
        double sum = 0;
        double sq = 0;
        for (int i = 0; i < N; i++) {
            sum += x[2 * i + j];
        }
        double mean = sum / N;
        for (int i = 0; i < N; i++) {
            sq += (x[2 * i + j] - mean) * (x[2 * i + j] - mean);
        }
        return new double[] {mean, Math.sqrt(sq / (N - 1))};
    }

    /** Each point lands where the exact flow map takes it, so the samples are N(μ, s²) because the noise is N(0, I). */
    @Test
    void everyOdeSolverCarriesNoiseToTheData() {
        for (String name : new String[] {"euler", "midpoint", "heun", "rk4", "dopri5"}) {
            GaussianFlow u = new GaussianFlow(MU, S, 0);
            float[] x0 = noise(7);
            float[] x = x0.clone();
            int steps = name.equals("euler") ? 1000 : 64;
            Sampler.run(u, Solvers.byName(name, SolverParams.defaults()), x, N, TimeGrid.sampling(steps), null);
            double bound = name.equals("euler") ? 5e-3 : 1e-3;
            for (int i = 0; i < N; i += 97) {
                double[] exact = u.transport(x0, i);
                assertEquals(exact[0], x[2 * i], bound * (1 + Math.abs(exact[0])), name + " point " + i);
                assertEquals(exact[1], x[2 * i + 1], bound * (1 + Math.abs(exact[1])), name + " point " + i);
            }
            for (int j = 0; j < 2; j++) {
                double[] ms = meanAndStd(x, j);
                assertEquals(MU[j], ms[0], 4 * S[j] / Math.sqrt(N), name + " mean " + j);
                assertEquals(S[j], ms[1], 4 * S[j] / Math.sqrt(2.0 * N), name + " std " + j);
            }
        }
    }

    /** With g > 0 paths differ from the ODE's but the marginal at t = 1 is the same N(μ, s²). */
    @Test
    void eulerMaruyamaHasTheSameMarginals() {
        for (double g : new double[] {0.5, 1.0}) {
            float[] x = noise(11);
            int steps = 1000;
            Sampler.run(new GaussianFlow(MU, S, 0), new EulerMaruyama(g, new Rng(3)), x, N, TimeGrid.sampling(steps), null);
            for (int j = 0; j < 2; j++) {
                double[] ms = meanAndStd(x, j);
                // Sampling error (4 standard errors) plus a small O(h) discretisation bias.
                assertEquals(MU[j], ms[0], 4 * S[j] / Math.sqrt(N) + 5e-3, "g " + g + " mean " + j);
                assertEquals(S[j], ms[1], 4 * S[j] / Math.sqrt(2.0 * N) + 5e-3, "g " + g + " std " + j);
            }
        }
    }

    /** The noise must actually do something: with g > 0 the samples are not the ODE's. */
    @Test
    void eulerMaruyamaWithNoiseLeavesTheOdePaths() {
        float[] ode = noise(5);
        float[] sde = ode.clone();
        GaussianFlow u = new GaussianFlow(MU, S, 0);
        Sampler.run(u, new FixedGrid(new Euler()), ode, N, TimeGrid.sampling(100), null);
        Sampler.run(u, new EulerMaruyama(1.0, new Rng(1)), sde, N, TimeGrid.sampling(100), null);
        double moved = 0;
        for (int i = 0; i < ode.length; i++) {
            moved += Math.abs(ode[i] - sde[i]);
        }
        assertEquals(true, moved / ode.length > 0.05, "mean |ODE − SDE| = " + moved / ode.length);
    }

    @Test
    void eulerMaruyamaWithoutNoiseIsEulerExactly() {
        GaussianFlow u = new GaussianFlow(MU, S, 0);
        float[] a = noise(9);
        float[] b = a.clone();
        TimeGrid grid = TimeGrid.of(0, 0.1, 0.25, 0.6, 0.9, 1);
        Trajectory ta = Trajectory.all();
        Trajectory tb = Trajectory.all();
        Sampler.run(u, Solvers.byName("euler", SolverParams.defaults()), a, N, grid, ta);
        Sampler.run(u, Solvers.byName("em", SolverParams.defaults().withNoise(0, 123)), b, N, grid, tb);
        assertArrayEquals(a, b);
        for (int k = 0; k < grid.steps() + 1; k++) {
            assertArrayEquals(ta.frame(k), tb.frame(k));
        }
    }

    /** Reported NFE equals the number of batched field calls actually made. */
    @Test
    void nfeCountsAreExact() {
        String[] names = {"euler", "midpoint", "heun", "rk4", "em"};
        int[] perStep = {1, 2, 2, 4, 1};
        for (int k = 0; k < names.length; k++) {
            for (int steps : new int[] {1, 7, 20}) {
                GaussianFlow u = new GaussianFlow(MU, S, 0);
                float[] x = noise(1);
                SolveResult r = Sampler.run(u, Solvers.byName(names[k], SolverParams.defaults().withNoise(0.7, 2)), x, N,
                        TimeGrid.sampling(steps), null);
                assertEquals(perStep[k] * steps, r.nfe(), names[k]);
                assertEquals(perStep[k] * steps, u.evaluations, names[k] + " calls");
                assertEquals(steps, r.acceptedSteps());
                assertEquals(0, r.rejectedSteps());
            }
        }
        GaussianFlow u = new GaussianFlow(MU, S, 0);
        SolveResult r = Sampler.run(u, new Dopri5(1e-5, 1e-5, 100_000), noise(1), N, TimeGrid.sampling(1), null);
        assertEquals(u.evaluations, r.nfe(), "dopri5 calls");
    }

    @Test
    void trajectoryKeepsTheFirstPointsAtEveryGridTime() {
        Trajectory t = new Trajectory(3);
        float[] x = noise(2);
        float[] start = x.clone();
        Sampler.run(new GaussianFlow(MU, S, 0), new FixedGrid(new Heun()), x, N, TimeGrid.clipped(10, 1e-3, false), t);
        assertEquals(11, t.frameCount());
        assertEquals(3, t.points());
        assertEquals(1e-3, t.time(0));
        assertEquals(1 - 1e-3, t.time(10));
        for (int i = 0; i < 6; i++) {
            assertEquals(start[i], t.frame(0)[i]);
            assertEquals(x[i], t.frame(10)[i]);
        }
    }

    @Test
    void clippedGridIsReportedInTheResult() {
        SolveResult r = Sampler.run(new GaussianFlow(MU, S, 0), Solvers.byName("rk4", SolverParams.defaults()), noise(3), N,
                TimeGrid.clipped(8, 1e-2, false), null);
        assertEquals(true, r.clippedGrid());
        assertEquals(0.99, r.end(), 1e-12);
    }
}
