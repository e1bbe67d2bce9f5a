package flowplay.core.path;

/**
 * The coefficients of an affine probability path x_t = α_t·x1 + σ_t·x0, with t=0 at the source (noise) and t=1 at the
 * data, and their exact time derivatives, which give the conditional velocity α̇_t·x1 + σ̇_t·x0.
 *
 * <p>Every scheduler here has α increasing and σ decreasing on [0,1], so the signal-to-noise ratio α/σ is strictly
 * increasing and can be inverted; that inverse is what lets a model trained on one scheduler be sampled with another.
 */
public interface Scheduler {
    String name();

    double alpha(double t);

    double sigma(double t);

    double alphaDot(double t);

    double sigmaDot(double t);

    /** α_t/σ_t; +∞ at t=1 where σ vanishes. */
    default double snr(double t) {
        return alpha(t) / sigma(t);
    }

    /** d/dt (α/σ) = (α̇σ − ασ̇)/σ², the rate the schedule transform needs. */
    default double snrDot(double t) {
        double s = sigma(t);
        return (alphaDot(t) * s - alpha(t) * sigmaDot(t)) / (s * s);
    }

    /**
     * The t in [0,1] with α_t/σ_t = snr. A ratio below snr(0) (possible when α_0 &gt; 0, as for vp) gives 0 and +∞ gives 1.
     * This default bisects the monotone ratio, for schedulers without a closed form; those with one override it.
     */
    default double snrInverse(double snr) {
        if (!(snr > snr(0.0))) {
            return 0.0;
        }
        if (snr == Double.POSITIVE_INFINITY) {
            return 1.0;
        }
        double lo = 0.0;
        double hi = 1.0;
        // 60 halvings take the bracket below double resolution on [0,1].
        for (int i = 0; i < 60; i++) {
            double mid = 0.5 * (lo + hi);
            if (snr(mid) < snr) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return 0.5 * (lo + hi);
    }
}
