package flowplay.server.engine;

import flowplay.core.model.Activation;
import flowplay.core.model.Mlp;
import flowplay.core.rng.Rng;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;


import static flowplay.server.engine.TrainerChecks.gaussian;
import static org.junit.jupiter.api.Assertions.assertEquals;

class Nd4jTrainerTest {

    @ParameterizedTest
    @EnumSource(Activation.class)
    void forwardEqualsSharedMlpAfterTraining(Activation activation) {
        int[] sizes = {3, 16, 16, 2};
        int n = 32;
        Rng rng = new Rng(7);
        Nd4jTrainer trainer = new Nd4jTrainer(Mlp.init(sizes, activation, rng), n);
        for (int i = 0; i < 5; i++) {
            trainer.step(gaussian(rng, n * 3), gaussian(rng, n * 2), null, 0.01);
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
        int n = 7;
        Rng rng = new Rng(3);
        Mlp init = Mlp.init(new int[] {3, 5, 4, 2}, activation, rng);
        float[] input = gaussian(rng, n * 3);
        float[] target = gaussian(rng, n * 2);
        TrainerChecks.assertGradientMatchesFiniteDifferences(new Nd4jTrainer(init, n), init, input, target, n, activation.id());
    }

    /** ND4J's fused Adam op, with its ε adjusted, against torch.optim.Adam's formula in double precision. */
    @Test
    void adamMatchesTorchFormula() {
        int n = 16;
        double lr = 0.01;
        Rng rng = new Rng(11);
        Mlp init = Mlp.init(new int[] {3, 8, 2}, Activation.ELU, rng);
        TrainerChecks.assertAdamMatchesTorch(new Nd4jTrainer(init, n), init, n, lr, rng, "nd4j");
    }

    @Test
    void lossFallsOnMoons() {
        MoonsTraining.assertLossFalls(new Nd4jEngine());
    }
}
