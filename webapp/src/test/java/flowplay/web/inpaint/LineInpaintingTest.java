package flowplay.web.inpaint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import flowplay.core.checkpoint.Checkpoint;
import flowplay.core.model.Activation;
import flowplay.core.model.Condition;
import flowplay.core.model.Mlp;
import flowplay.core.model.TimeEmbedding;
import flowplay.core.path.scheduler.CondOt;
import flowplay.core.prediction.Prediction;
import flowplay.core.rng.Rng;
import flowplay.core.sampling.SamplingPlan;
import flowplay.core.solver.SolverParams;
import flowplay.core.solver.Solvers;
import flowplay.core.solver.TimeGrid;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LineInpaintingTest {
    private static final int N = 512;
    private final float[] noise = gaussian(N, 1);

    /**
     * A closed form: a one-layer network on concat(x, y, m_x, m_y, t) with u_x = b·m_y and u_y = a·m_x, so the free
     * coordinate moves at a constant speed set by the observed one's mask entry. Euler then ends it at noise + a (or
     * + b) — which holds only if the mask reaches the network in the columns after x and observes the right coordinate.
     */
    @Test
    void theMaskReachesTheNetworkAndTheFreeCoordinateFlowsFromItsNoise() {
        float a = 0.75f;
        float b = -1.25f;
        // Inputs: x, y, m_x, m_y, t (linear time input); outputs u_x, u_y.
        float[] w = {
            0, 0, 0, b, 0,
            0, 0, a, 0, 0,
        };
        Mlp mlp = new Mlp(new int[] {5, 2}, new float[][] {w}, new float[][] {{0, 0}}, Activation.ELU);
        Checkpoint linear = Checkpoint.of(mlp, TimeEmbedding.LINEAR, Condition.MASK, new CondOt(), Prediction.VELOCITY, Map.of());
        TimeGrid grid = TimeGrid.sampling(8);
        float[] onX = LineInpainting.sample(linear, FixedLine.at(0, 0.3), noise, N, Solvers.byName("euler", SolverParams.defaults()), grid).points();
        float[] onY = LineInpainting.sample(linear, FixedLine.at(1, -1.7), noise, N, Solvers.byName("euler", SolverParams.defaults()), grid).points();
        for (int i = 0; i < N; i++) {
            assertEquals(0.3f, onX[2 * i]);
            assertEquals(noise[2 * i + 1] + a, onX[2 * i + 1], 1e-5, "y of point " + i + " with x observed");
            assertEquals(-1.7f, onY[2 * i + 1]);
            assertEquals(noise[2 * i] + b, onY[2 * i], 1e-5, "x of point " + i + " with y observed");
        }
    }

    @Test
    void theFixedCoordinateStaysExactlyOnTheLineForEverySolver() {
        Checkpoint shipped = shipped();
        for (String solver : new String[] {"euler", "midpoint", "heun", "rk4", "dopri5", "em"}) {
            for (FixedLine line : new FixedLine[] {FixedLine.at(0, 0.37), FixedLine.at(1, -0.81)}) {
                LineInpainting.Result r = LineInpainting.sample(shipped, line, noise, N, Solvers.byName(solver, SolverParams.defaults()),
                        TimeGrid.sampling(12));
                LineStats s = LineStats.of(r.points(), r.n(), line);
                assertEquals(0.0, s.maxDeviation(), solver + " on " + line);
                assertTrue(s.std() > 0, "the free coordinate is not collapsed: " + s);
            }
        }
    }

    /**
     * The shipped moons model answers p(y | x = c) with the moons' arcs at x = c: almost every sample lies near an arc
     * (the distance to the curves, which also covers the lower moon's tip at x = 0), and where both moons cross the line
     * both are drawn.
     */
    @Test
    void theShippedMoonsModelPutsTheInpaintedYOnTheArcs() {
        Checkpoint shipped = shipped();
        TimeGrid grid = SamplingPlan.of(shipped.velocityField(), null, false, SamplingPlan.DEFAULT_EPS).grid(32);
        for (double c : new double[] {-0.5, 0.0, 0.5, 1.0, 1.5}) {
            FixedLine line = FixedLine.at(0, c);
            float[] p = LineInpainting.sample(shipped, line, noise, N, Solvers.byName("heun", SolverParams.defaults()), grid).points();
            int near = 0;
            int upper = 0;
            for (int i = 0; i < N; i++) {
                near += MoonArcs.distance(c, p[2 * i + 1]) < 0.15 ? 1 : 0;
                upper += MoonArcs.upperDistance(c, p[2 * i + 1]) < MoonArcs.lowerDistance(c, p[2 * i + 1]) ? 1 : 0;
            }
            System.out.printf("x = %.2f: %.3f of y within 0.15 of an arc, %.3f on the upper moon%n", c, near / (double) N, upper / (double) N);
            assertTrue(near > 0.9 * N, "x = " + c + ": only " + near + " of " + N + " within 0.15 of an arc");
            if (c > 0.05 && c < 0.95) {
                assertTrue(upper > 0.2 * N && upper < 0.8 * N, "x = " + c + ": both moons cross the line, upper got " + upper);
            }
        }
    }

    @Test
    void onlyTwoDimensionalMaskModelsAreInpainted() {
        Mlp plain = Mlp.init(new int[] {3, 8, 2}, Activation.ELU, new Rng(2));
        Checkpoint none = Checkpoint.of(plain, new CondOt(), Prediction.VELOCITY, Map.of());
        assertFalse(LineInpainting.supports(none));
        assertTrue(LineInpainting.supports(shipped()));
        assertThrows(IllegalArgumentException.class, () -> LineInpainting.sample(none, FixedLine.at(0, 0), noise, N,
                Solvers.byName("heun", SolverParams.defaults()), TimeGrid.sampling(2)));
    }

    static Checkpoint shipped() {
        try (InputStream in = LineInpaintingTest.class.getResourceAsStream("/web/pretrained/moons-inpaint.safetensors")) {
            return Checkpoint.fromBytes(in.readAllBytes());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static float[] gaussian(int n, long seed) {
        float[] p = new float[2 * n];
        new Rng(seed).fillGaussian(p, 0, p.length);
        return p;
    }
}
