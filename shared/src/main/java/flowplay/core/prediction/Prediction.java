package flowplay.core.prediction;

import flowplay.core.path.Scheduler;
import flowplay.core.settings.Choice;

import java.util.List;

/**
 * What a network outputs. Each choice is a fixed linear combination a_t·m1 + b_t·m0 of the posterior means
 * m1 = E[x1 | x_t] and m0 = E[x0 | x_t] (the trained network's optimum), which is what makes them interconvertible:
 * <ul>
 *   <li>{@code velocity}: α̇_t·m1 + σ̇_t·m0, the marginal velocity;</li>
 *   <li>{@code x1}: m1, data ("image") prediction;</li>
 *   <li>{@code x0}: m0, noise (ε) prediction;</li>
 *   <li>{@code score}: ∇log p_t = −m0/σ_t, which holds for a Gaussian N(0,I) source.</li>
 * </ul>
 * The training target of a path sample (x0, x1, t) is the same combination of x1 and x0 themselves.
 */
public enum Prediction implements Choice {
    VELOCITY("velocity"),
    X1("x1"),
    X0("x0"),
    SCORE("score");

    private final String id;

    Prediction(String id) {
        this.id = id;
    }

    @Override
    public String id() {
        return id;
    }

    public static List<String> ids() {
        return Choice.ids(values());
    }

    public static Prediction parse(String id) {
        return Choice.parse(values(), id, "prediction");
    }

    /** a_t, the weight of x1 (or E[x1|x_t]) in this prediction. */
    public double x1Coefficient(Scheduler s, double t) {
        switch (this) {
            case VELOCITY:
                return s.alphaDot(t);
            case X1:
                return 1.0;
            case X0:
            case SCORE:
                return 0.0;
            default:
                throw new IllegalStateException(id);
        }
    }

    /** b_t, the weight of x0 (or E[x0|x_t]) in this prediction; infinite for the score where σ_t = 0. */
    public double x0Coefficient(Scheduler s, double t) {
        switch (this) {
            case VELOCITY:
                return s.sigmaDot(t);
            case X1:
                return 0.0;
            case X0:
                return 1.0;
            case SCORE:
                return -1.0 / s.sigma(t);
            default:
                throw new IllegalStateException(id);
        }
    }
}
