package flowplay.server.engine;

import flowplay.core.model.Activation;
import flowplay.core.model.Mlp;
import flowplay.core.rng.Rng;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;


import static org.junit.jupiter.api.Assertions.assertEquals;

class Nd4jTrainerTest {
    private static float[] gaussian(Rng rng, int count) {
        float[] a = new float[count];
        rng.fillGaussian(a, 0, count);
        return a;
    }

    @ParameterizedTest
    @EnumSource(Activation.class)
    void forwardEqualsSharedMlpAfterTraining(Activation activation) {
        int[] sizes = {3, 16, 16, 2};
        int n = 32;
        Rng rng = new Rng(7);
        Nd4jTrainer trainer = new Nd4jTrainer(Mlp.init(sizes, activation, rng), n, 0.01);
        for (int i = 0; i < 5; i++) {
            trainer.step(gaussian(rng, n * 3), gaussian(rng, n * 2));
        }
        float[] input = gaussian(rng, n * 3);
        float[] nd4j = trainer.predict(input);
        float[] shared = new float[n * 2];
        trainer.snapshot().forward(input, n, shared);
        for (int i = 0; i < shared.length; i++) {
            assertEquals(shared[i], nd4j[i], 1e-5, activation + " output " + i);
        }
    }

    /** The hand-written backward pass against central differences of a double-precision loss. */
    @ParameterizedTest
    @EnumSource(Activation.class)
    void gradientMatchesFiniteDifferences(Activation activation) {
        int[] sizes = {3, 5, 4, 2};
        int n = 7;
        Rng rng = new Rng(3);
        Mlp init = Mlp.init(sizes, activation, rng);
        float[] input = gaussian(rng, n * 3);
        float[] target = gaussian(rng, n * 2);
        Nd4jTrainer trainer = new Nd4jTrainer(init, n, 0.01);
        float loss = trainer.gradient(input, target);
        double[] grad = ReferenceMlp.flatten(trainer.gradientSnapshot());
        double[] params = ReferenceMlp.flatten(init);
        assertEquals(ReferenceMlp.loss(sizes, params, activation, input, target, n), loss, 1e-5);
        double h = 1e-5;
        for (int i = 0; i < params.length; i++) {
            double keep = params[i];
            params[i] = keep + h;
            double up = ReferenceMlp.loss(sizes, params, activation, input, target, n);
            params[i] = keep - h;
            double down = ReferenceMlp.loss(sizes, params, activation, input, target, n);
            params[i] = keep;
            double numeric = (up - down) / (2 * h);
            assertEquals(numeric, grad[i], 1e-5 + 1e-3 * Math.abs(numeric), activation + " parameter " + i);
        }
    }

    /** ND4J's fused Adam op, with its ε adjusted, against torch.optim.Adam's formula in double precision. */
    @Test
    void adamMatchesTorchFormula() {
        int[] sizes = {3, 8, 2};
        int n = 16;
        double lr = 0.01;
        Rng rng = new Rng(11);
        Mlp init = Mlp.init(sizes, Activation.ELU, rng);
        Nd4jTrainer trainer = new Nd4jTrainer(init, n, lr);
        double[] p = ReferenceMlp.flatten(init);
        double[] m = new double[p.length];
        double[] v = new double[p.length];
        for (int t = 1; t <= 4; t++) {
            trainer.gradient(gaussian(rng, n * 3), gaussian(rng, n * 2));
            double[] g = ReferenceMlp.flatten(trainer.gradientSnapshot());
            trainer.applyAdam();
            double bc1 = 1 - Math.pow(0.9, t);
            double bc2 = 1 - Math.pow(0.999, t);
            for (int i = 0; i < p.length; i++) {
                m[i] = 0.9 * m[i] + 0.1 * g[i];
                v[i] = 0.999 * v[i] + 0.001 * g[i] * g[i];
                p[i] -= lr / bc1 * m[i] / (Math.sqrt(v[i]) / Math.sqrt(bc2) + 1e-8);
            }
            double[] got = ReferenceMlp.flatten(trainer.snapshot());
            for (int i = 0; i < p.length; i++) {
                assertEquals(p[i], got[i], 2e-6, "step " + t + " parameter " + i);
            }
        }
    }

    @Test
    void lossFallsOnMoons() {
        MoonsTraining.assertLossFalls(new Nd4jEngine());
    }
}
