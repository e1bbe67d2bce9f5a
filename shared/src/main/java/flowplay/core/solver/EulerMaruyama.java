package flowplay.core.solver;

import flowplay.core.model.ScoreField;
import flowplay.core.model.VelocityField;
import flowplay.core.rng.Rng;

/**
 * Euler–Maruyama on the SDE with the same marginals p_t as the ODE dx = u_t dt:
 * x ← x + h·u_t(x) + |h|·½g²·∇log p_t(x) + g·√|h|·ξ, ξ ~ N(0, I).
 *
 * <p>The score term enters with |h| so that the sign is right in both directions: forwards it is the Fokker–Planck
 * correction for the added diffusion, backwards (h &lt; 0) the reverse-time SDE's drift −u + ½g²∇log p in the reversed
 * clock. With g = 0 neither the score nor the random stream is touched, so the result is Euler's, bit for bit. One
 * evaluation per step, counting u and its score as one (one network pass gives both).
 */
public final class EulerMaruyama implements Integrator {
    private final double noise;
    private final Rng rng;
    private float[] velocity = new float[0];
    private float[] score = new float[0];

    public EulerMaruyama(double noise, Rng rng) {
        if (!(noise >= 0) || noise == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException("noise g must be finite and ≥ 0, was " + noise);
        }
        this.noise = noise;
        this.rng = rng;
    }

    public double noise() {
        return noise;
    }

    @Override
    public String name() {
        return "em";
    }

    @Override
    public SolveResult integrate(VelocityField u, float[] x, int n, TimeGrid grid, Trajectory trajectory) {
        ScoreField field = null;
        if (noise > 0) {
            if (!(u instanceof ScoreField)) {
                throw new IllegalArgumentException("the stochastic sampler with noise g > 0 needs a model that gives its score ∇log p_t");
            }
            field = (ScoreField) u;
        }
        int dim = u.dim();
        int size = n * dim;
        if (velocity.length < size) {
            velocity = new float[size];
            score = new float[size];
        }
        if (trajectory != null) {
            trajectory.record(grid.start(), x, n, dim);
        }
        double g2 = noise * noise;
        for (int k = 0; k < grid.steps(); k++) {
            double t = grid.time(k);
            float h = (float) (grid.time(k + 1) - t);
            u.velocity(x, (float) t, n, velocity);
            if (field == null) {
                for (int i = 0; i < size; i++) {
                    x[i] += h * velocity[i];
                }
            } else {
                field.score(x, (float) t, n, score);
                double absH = Math.abs(h);
                double diffusion = noise * Math.sqrt(absH);
                for (int i = 0; i < size; i++) {
                    x[i] = (float) (x[i] + h * velocity[i] + absH * 0.5 * g2 * score[i] + diffusion * rng.nextGaussian());
                }
            }
            if (trajectory != null) {
                trajectory.record(grid.time(k + 1), x, n, dim);
            }
        }
        return new SolveResult(name(), grid.steps(), grid.steps(), 0, grid.start(), grid.end(), grid.clipped());
    }
}
