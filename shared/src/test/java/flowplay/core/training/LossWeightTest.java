package flowplay.core.training;

import flowplay.core.path.AffinePath;
import flowplay.core.path.Scheduler;
import flowplay.core.path.Schedulers;
import flowplay.core.prediction.Prediction;
import flowplay.core.rng.Rng;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class LossWeightTest {
    /**
     * The point of the velocity weight: for any prediction q and target q*, at the same x_t, w·|q − q*|² equals the
     * squared error of the two converted to velocities.
     */
    @Test
    void velocityWeightTurnsAnyErrorIntoTheVelocityError() {
        Rng rng = new Rng(1);
        for (String name : Schedulers.names()) {
            Scheduler s = Schedulers.byName(name);
            AffinePath path = new AffinePath(s);
            for (Prediction p : Prediction.values()) {
                for (double t : new double[] {0.1, 0.35, 0.5, 0.8, 0.95}) {
                    float[] x = {(float) rng.nextGaussian(), (float) rng.nextGaussian()};
                    float[] q = {(float) rng.nextGaussian(), (float) rng.nextGaussian()};
                    float[] target = {(float) rng.nextGaussian(), (float) rng.nextGaussian()};
                    float[] u = new float[2];
                    float[] uTarget = new float[2];
                    path.convert(p, Prediction.VELOCITY, x, q, (float) t, 1, 2, u);
                    path.convert(p, Prediction.VELOCITY, x, target, (float) t, 1, 2, uTarget);
                    double velocityError = sq(u[0] - uTarget[0]) + sq(u[1] - uTarget[1]);
                    double weighted = LossWeight.VELOCITY.weight(s, p, t) * (sq(q[0] - target[0]) + sq(q[1] - target[1]));
                    if (LossWeight.VELOCITY.weight(s, p, t) < LossWeight.MAX_WEIGHT) {
                        assertEquals(velocityError, weighted, 1e-4 * (1 + velocityError), name + " " + p.id() + " t=" + t);
                    }
                }
            }
        }
    }

    @Test
    void weightsAreOneSigmaSquaredOrCappedAtSingularEnds() {
        Scheduler condot = Schedulers.byName("condot");
        assertEquals(1.0, LossWeight.NONE.weight(condot, Prediction.SCORE, 0.999));
        assertEquals(0.36, LossWeight.SIGMA2.weight(condot, Prediction.SCORE, 0.4), 1e-12);
        assertEquals(1.0, LossWeight.VELOCITY.weight(condot, Prediction.VELOCITY, 0.0));
        // x0 prediction on condot: u = (x − x0)/t, so c = −1/t: 1/t² is 4 at t = ½ and capped near 0.
        assertEquals(4.0, LossWeight.VELOCITY.weight(condot, Prediction.X0, 0.5), 1e-9);
        assertEquals(LossWeight.MAX_WEIGHT, LossWeight.VELOCITY.weight(condot, Prediction.X0, 0.0));
        assertEquals(LossWeight.MAX_WEIGHT, LossWeight.VELOCITY.weight(condot, Prediction.X0, 1e-4));
    }

    private static double sq(double v) {
        return v * v;
    }
}
