package flowplay.web.check;

import flowplay.core.checkpoint.Checkpoint;
import flowplay.core.coupling.Couplings;
import flowplay.core.data.Dataset;
import flowplay.core.data.Datasets;
import flowplay.core.data.PointsDataset;
import flowplay.core.data.PointsFormatException;
import flowplay.core.data.PointsParser;
import flowplay.core.likelihood.Likelihood;
import flowplay.core.metrics.Metrics;
import flowplay.core.metrics.Straightness;
import flowplay.core.model.Activation;
import flowplay.core.model.Mlp;
import flowplay.core.path.GaussianOracle;
import flowplay.core.path.ScheduleTransform;
import flowplay.core.path.Scheduler;
import flowplay.core.path.Schedulers;
import flowplay.core.path.scheduler.CondOt;
import flowplay.core.path.scheduler.Cosine;
import flowplay.core.prediction.Prediction;
import flowplay.core.rng.Rng;
import flowplay.core.solver.Sampler;
import flowplay.core.solver.SolveResult;
import flowplay.core.solver.SolverParams;
import flowplay.core.solver.Solvers;
import flowplay.core.solver.TimeGrid;
import flowplay.core.solver.Trajectory;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A fixed workout of the whole shared module — every scheduler, solver, prediction, coupling and metric — reduced to
 * named numbers. The browser runs it compiled by TeaVM (self-check.html) and the JVM runs the same code, so comparing
 * the two lists shows the maths is whole and equal on both sides, not just that TeaVM accepted the classes.
 * Plain Java only: no browser API, so the e2e test can run it on the JVM.
 */
public final class SelfCheckSuite {
    private static final int N = 64;
    private static final double[] MEAN = {1.0, -0.5};
    private static final double STD = 0.5;

    private final Map<String, Double> results = new LinkedHashMap<>();

    public static Map<String, Double> run() {
        SelfCheckSuite suite = new SelfCheckSuite();
        suite.schedulers();
        suite.solvers();
        suite.likelihood();
        suite.checkpointsAndPredictions();
        suite.scheduleChange();
        suite.couplingsAndMetrics();
        suite.datasets();
        return suite.results;
    }

    private void schedulers() {
        for (String name : Schedulers.names()) {
            Scheduler s = Schedulers.byName(name);
            double t = 0.3;
            put(name + ".alpha", s.alpha(t));
            put(name + ".sigma", s.sigma(t));
            put(name + ".alphaDot", s.alphaDot(t));
            put(name + ".sigmaDot", s.sigmaDot(t));
            put(name + ".snrInverse", s.snrInverse(s.snr(t)));
        }
    }

    /** Every solver carries N(0, I) towards the Gaussian oracle's data N(MEAN, STD²I) on every scheduler. */
    private void solvers() {
        for (String scheduler : Schedulers.names()) {
            GaussianOracle oracle = new GaussianOracle(MEAN, STD, Schedulers.byName(scheduler));
            double[] safe = oracle.safeTimes(1e-3);
            for (String solver : Solvers.names()) {
                float[] x = noise(1);
                SolverParams params = SolverParams.defaults().withTolerances(1e-5, 1e-5).withNoise(0.5, 3);
                Trajectory trajectory = new Trajectory(8);
                SolveResult r = Sampler.run(oracle, Solvers.byName(solver, params), x, N, TimeGrid.uniform(safe[0], safe[1], 24), trajectory);
                String key = scheduler + "." + solver;
                put(key + ".nfe", r.nfe());
                put(key + ".mean0", mean(x, 0));
                put(key + ".mean1", mean(x, 1));
            }
        }
    }

    private void likelihood() {
        GaussianOracle oracle = new GaussianOracle(MEAN, STD, new CondOt());
        float[] points = {1.2f, -0.4f, 0.5f, 0.1f};
        put("likelihood.exact", Likelihood.exact(oracle, points.clone(), 2, 32).logP1()[1]);
        put("likelihood.hutchinson", Likelihood.hutchinson(oracle, points.clone(), 2, 8, 5, 32).logP1()[0]);
        double[] exact = new double[2];
        oracle.logDensity(points, 1f, 2, exact);
        put("likelihood.closedForm", exact[1]);
    }

    /** A seeded random network of each prediction type: its velocity, score and divergence at one point. */
    private void checkpointsAndPredictions() {
        Mlp mlp = Mlp.init(new int[] {3, 16, 16, 2}, Activation.GELU, new Rng(9));
        for (Prediction prediction : Prediction.values()) {
            Checkpoint c = Checkpoint.fromBytes(Checkpoint.of(mlp, Schedulers.byName("vp"), prediction, Map.of()).toBytes());
            float[] x = {0.4f, -0.3f};
            float[] v = new float[2];
            float[] div = new float[1];
            c.velocityField().velocityAndDivergence(x, 0.6f, 1, v, div);
            float[] score = new float[2];
            c.velocityField().score(x, 0.6f, 1, score);
            put("checkpoint." + prediction.id() + ".velocity0", v[0]);
            put("checkpoint." + prediction.id() + ".divergence", div[0]);
            put("checkpoint." + prediction.id() + ".score1", score[1]);
        }
    }

    private void scheduleChange() {
        GaussianOracle condot = new GaussianOracle(MEAN, STD, new CondOt());
        ScheduleTransform toCosine = new ScheduleTransform(condot, new CondOt(), new Cosine());
        float[] out = new float[2];
        toCosine.velocity(new float[] {0.2f, 0.7f}, 0.45f, 1, out);
        put("scheduleChange.velocity0", out[0]);
        put("scheduleChange.velocity1", out[1]);
    }

    private void couplingsAndMetrics() {
        float[] data = new float[2 * N];
        new Rng(11).fillGaussian(data, 0, data.length);
        for (int i = 0; i < data.length; i++) {
            data[i] = data[i] * 0.3f + 1f;
        }
        for (String name : Couplings.names()) {
            float[] x0 = noise(2);
            Couplings.byName(name).pair(x0, data, N, 2, new Rng(4));
            double cost = 0;
            for (int i = 0; i < data.length; i++) {
                cost += (x0[i] - data[i]) * (x0[i] - data[i]);
            }
            put("coupling." + name + ".meanCost", cost / N);
        }
        Metrics m = Metrics.compare(noise(3), N, data, N, 2);
        put("metrics.energy", m.energyDistance());
        put("metrics.slicedW2", m.slicedWasserstein2());
        put("metrics.mmd2", m.mmd2());
        put("metrics.exactW2", m.exactW2());

        float[] trajectory = new float[(8 + 1) * N * 2];
        Sampler.integrate(new GaussianOracle(MEAN, STD, new CondOt()), Solvers.byName("heun"), noise(1), N, 8, trajectory);
        put("metrics.straightness", Straightness.ofUniformGrid(trajectory, 8, N, 2));
    }

    /** Every built-in data set's first N points, and the users' points parser and resampler. */
    private void datasets() {
        for (String name : Datasets.names()) {
            Dataset d = Datasets.byName(name);
            float[] x = new float[N * 2];
            d.sample(new Rng(7), N, x);
            double sq = 0;
            for (float v : x) {
                sq += v * v;
            }
            put("data." + name + ".mean0", mean(x, 0));
            put("data." + name + ".mean1", mean(x, 1));
            put("data." + name + ".meanSq", sq / N);
        }
        float[] parsed = PointsParser.parse("\uFEFFx,y\r\n 0.5 , -1\r\n2,3e-1\n\n-.25,+4\n", 10, 100);
        double sum = 0;
        for (float v : parsed) {
            sum += v;
        }
        put("points.parsed.count", parsed.length / 2.0);
        put("points.parsed.sum", sum);
        String[] bad = {"1,2\nabc,3\n", "1,2\n3,4,5\n", "1,2\n3,NaN\n", "x,y\n", "1,2\n3,4\n5,6\n"};
        for (int i = 0; i < bad.length; i++) {
            try {
                PointsParser.parse(bad[i], 2, 100);
                put("points.error" + i + ".line", -1);
            } catch (PointsFormatException e) {
                put("points.error" + i + ".line", e.line());
                put("points.error" + i + ".messageLength", e.getMessage().length());
            }
        }
        float[] x = new float[N * 2];
        new PointsDataset(parsed, 0.05).sample(new Rng(8), N, x);
        put("points.jittered.mean0", mean(x, 0));
        put("points.jittered.mean1", mean(x, 1));
    }

    private static float[] noise(long seed) {
        float[] x = new float[N * 2];
        new Rng(seed).fillGaussian(x, 0, x.length);
        return x;
    }

    private static double mean(float[] x, int axis) {
        double sum = 0;
        for (int i = 0; i < N; i++) {
            sum += x[2 * i + axis];
        }
        return sum / N;
    }

    private void put(String name, double value) {
        results.put(name, value);
    }
}
