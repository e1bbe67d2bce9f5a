package flowplay.core.path;

/**
 * The coefficients of an affine probability path x_t = α_t·x1 + σ_t·x0, with t=0 at the source (noise) and t=1 at the
 * data, and their exact time derivatives, which give the conditional velocity α̇_t·x1 + σ̇_t·x0.
 */
public interface Scheduler {
    String name();

    double alpha(double t);

    double sigma(double t);

    double alphaDot(double t);

    double sigmaDot(double t);
}
