package flowplay.server.engine;

import flowplay.core.model.Activation;
import flowplay.core.model.Mlp;
import flowplay.core.rng.Rng;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The formula checks every engine must pass, against {@link ReferenceMlp} in double precision. */
final class TrainerChecks {
    private TrainerChecks() {
    }

    static float[] gaussian(Rng rng, int count) {
        float[] a = new float[count];
        rng.fillGaussian(a, 0, count);
        return a;
    }

    /**
     * The loss and every gradient entry of one batch against central differences of the reference loss, unweighted and
     * with random row weights w ∈ [0, 3).
     */
    static void assertGradientMatchesFiniteDifferences(BackpropTrainer trainer, Mlp init, float[] input, float[] target, int n,
                                                       String label) {
        assertGradientMatches(trainer, init, input, target, null, n, label + " unweighted");
        float[] weights = new float[n];
        Rng rng = new Rng(99);
        for (int i = 0; i < n; i++) {
            weights[i] = 3 * rng.nextFloat();
        }
        assertGradientMatches(trainer, init, input, target, weights, n, label + " weighted");
    }

    private static void assertGradientMatches(BackpropTrainer trainer, Mlp init, float[] input, float[] target, float[] weights, int n,
                                              String label) {
        int[] sizes = init.sizes();
        Activation activation = init.activation();
        float loss = trainer.gradient(input, target, weights);
        double[] grad = ReferenceMlp.flatten(trainer.gradientSnapshot());
        double[] params = ReferenceMlp.flatten(init);
        assertEquals(ReferenceMlp.loss(sizes, params, activation, input, target, weights, n), loss, 1e-5);
        double h = 1e-5;
        for (int i = 0; i < params.length; i++) {
            double keep = params[i];
            params[i] = keep + h;
            double up = ReferenceMlp.loss(sizes, params, activation, input, target, weights, n);
            params[i] = keep - h;
            double down = ReferenceMlp.loss(sizes, params, activation, input, target, weights, n);
            params[i] = keep;
            double numeric = (up - down) / (2 * h);
            assertEquals(numeric, grad[i], 1e-5 + 1e-3 * Math.abs(numeric), label + " parameter " + i);
        }
    }

    /**
     * Four Adam updates on random batches against torch.optim.Adam's formula (β1 0.9, β2 0.999, ε 1e-8), the rate
     * changing per step as a schedule changes it (lr, ¾lr, ½lr, ¼lr).
     */
    static void assertAdamMatchesTorch(BackpropTrainer trainer, Mlp init, int n, double lr, Rng rng, String label) {
        int in = init.inputSize();
        int out = init.outputSize();
        double[] p = ReferenceMlp.flatten(init);
        double[] m = new double[p.length];
        double[] v = new double[p.length];
        for (int t = 1; t <= 4; t++) {
            trainer.gradient(gaussian(rng, n * in), gaussian(rng, n * out), null);
            double[] g = ReferenceMlp.flatten(trainer.gradientSnapshot());
            double rate = lr * (5 - t) / 4.0;
            trainer.applyAdam(rate);
            double bc1 = 1 - Math.pow(0.9, t);
            double bc2 = 1 - Math.pow(0.999, t);
            for (int i = 0; i < p.length; i++) {
                m[i] = 0.9 * m[i] + 0.1 * g[i];
                v[i] = 0.999 * v[i] + 0.001 * g[i] * g[i];
                p[i] -= rate / bc1 * m[i] / (Math.sqrt(v[i]) / Math.sqrt(bc2) + 1e-8);
            }
            double[] got = ReferenceMlp.flatten(trainer.snapshot());
            for (int i = 0; i < p.length; i++) {
                assertEquals(p[i], got[i], 2e-6, label + " step " + t + " parameter " + i);
            }
        }
    }

    /** The moving average against ema ← d·ema + (1 − d)·θ computed in double from the snapshots, over five steps. */
    static void assertEmaMatchesFormula(Trainer trainer, Mlp init, int n, Rng rng, String label) {
        int in = init.inputSize();
        int out = init.outputSize();
        double[] ema = null;
        for (int s = 1; s <= 5; s++) {
            trainer.step(gaussian(rng, n * in), gaussian(rng, n * out), null, 0.01);
            double decay = 0.5 + 0.1 * s;
            trainer.updateEma(decay);
            double[] p = ReferenceMlp.flatten(trainer.snapshot());
            if (ema == null) {
                ema = p.clone();
            } else {
                for (int i = 0; i < p.length; i++) {
                    ema[i] = decay * ema[i] + (1 - decay) * p[i];
                }
            }
            double[] got = ReferenceMlp.flatten(trainer.emaSnapshot());
            for (int i = 0; i < p.length; i++) {
                assertEquals(ema[i], got[i], 1e-6, label + " step " + s + " parameter " + i);
            }
        }
    }
}
