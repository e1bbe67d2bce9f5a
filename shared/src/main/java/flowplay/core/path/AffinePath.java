package flowplay.core.path;

import flowplay.core.prediction.Prediction;

/**
 * Samples the affine path x_t = α_t·x1 + σ_t·x0 and its conditional velocity α̇_t·x1 + σ̇_t·x0, the regression target,
 * and converts between what a network may predict (velocity, x1, x0, score; see {@link Prediction} and {@link Conversion}).
 *
 * <p>Singular ends: a conversion or target that divides by α_t = 0 or σ_t = 0, or uses an infinite σ̇_t (vp and
 * linear-vp at t=1), is not evaluated there: it throws {@link IllegalArgumentException} instead of returning inf/NaN.
 * For every scheduler here these singularities sit only at t=0 or t=1, so each conversion is finite on an interval
 * [0 or 0⁺, 1 or 1⁻]. {@link #safeTimes} gives that interval clipped by eps; a sampler clips its time grid to it and
 * reports the clipped interval, since close to a singular end the conversion is finite but badly conditioned.
 */
public final class AffinePath {
    private final Scheduler scheduler;

    public AffinePath(Scheduler scheduler) {
        this.scheduler = scheduler;
    }

    public Scheduler scheduler() {
        return scheduler;
    }

    /**
     * For each of the n rows (row-major n×dim), with its own time t[i], writes x_t into {@code xtOut} and the conditional
     * velocity into {@code velocityTargetOut}.
     */
    public void sample(float[] x0, float[] x1, float[] t, int n, int dim, float[] xtOut, float[] velocityTargetOut) {
        for (int i = 0; i < n; i++) {
            double ti = t[i];
            double a = scheduler.alpha(ti);
            double s = scheduler.sigma(ti);
            double aDot = scheduler.alphaDot(ti);
            double sDot = scheduler.sigmaDot(ti);
            for (int j = i * dim; j < (i + 1) * dim; j++) {
                xtOut[j] = (float) (a * x1[j] + s * x0[j]);
                velocityTargetOut[j] = (float) (aDot * x1[j] + sDot * x0[j]);
            }
        }
    }

    /**
     * The regression target of {@code prediction} for path samples (x0, x1, t[i]): the prediction's combination of x1 and
     * x0 (x1, x0, α̇·x1 + σ̇·x0, or the conditional score −x0/σ_t). Throws where the target is infinite (score at σ_t = 0).
     */
    public void target(Prediction prediction, float[] x0, float[] x1, float[] t, int n, int dim, float[] out) {
        for (int i = 0; i < n; i++) {
            double ti = t[i];
            double a = prediction.x1Coefficient(scheduler, ti);
            double b = prediction.x0Coefficient(scheduler, ti);
            if (!Double.isFinite(a) || !Double.isFinite(b)) {
                throw new IllegalArgumentException("the " + prediction.id() + " target is singular at t=" + ti + " on "
                        + scheduler.name() + "; it is finite on "
                        + interval(targetFiniteAt(prediction, 0.0), targetFiniteAt(prediction, 1.0)) + ", so draw training times from there");
            }
            for (int j = i * dim; j < (i + 1) * dim; j++) {
                out[j] = (float) (a * x1[j] + b * x0[j]);
            }
        }
    }

    /** [lo, hi]: 0 and 1 where the target is finite at that end, else eps and 1 − eps. */
    public double[] targetSafeTimes(Prediction prediction, double eps) {
        return new double[] {
            targetFiniteAt(prediction, 0.0) ? 0.0 : eps,
            targetFiniteAt(prediction, 1.0) ? 1.0 : 1.0 - eps};
    }

    /**
     * The conversion {@code from} → {@code to} at time t, checked: throws IllegalArgumentException naming the finite
     * interval where it divides by zero or meets an infinite derivative.
     */
    public Conversion conversion(Prediction from, Prediction to, double t) {
        Conversion c = Conversion.between(scheduler, from, to, t);
        if (!c.isFinite()) {
            throw new IllegalArgumentException(from.id() + " → " + to.id() + " is singular at t=" + t + " on " + scheduler.name()
                    + " (it divides by α_t or σ_t = 0, or σ̇_t is infinite); it is finite on "
                    + interval(Conversion.between(scheduler, from, to, 0.0).isFinite(), Conversion.between(scheduler, from, to, 1.0).isFinite())
                    + ", so the sampler clips its time grid to safeTimes(" + from.id() + ", " + to.id() + ", eps)");
        }
        return c;
    }

    /** Converts n predictions {@code q} at points {@code xt} (row-major n×dim), all at time t, into {@code out} (may be q). */
    public void convert(Prediction from, Prediction to, float[] xt, float[] q, float t, int n, int dim, float[] out) {
        Conversion c = conversion(from, to, t);
        float cx = (float) c.xCoefficient();
        float cq = (float) c.predictionCoefficient();
        for (int j = 0; j < n * dim; j++) {
            out[j] = cx * xt[j] + cq * q[j];
        }
    }

    /** As {@link #convert(Prediction, Prediction, float[], float[], float, int, int, float[])} with a time per point. */
    public void convert(Prediction from, Prediction to, float[] xt, float[] q, float[] t, int n, int dim, float[] out) {
        for (int i = 0; i < n; i++) {
            Conversion c = conversion(from, to, t[i]);
            float cx = (float) c.xCoefficient();
            float cq = (float) c.predictionCoefficient();
            for (int j = i * dim; j < (i + 1) * dim; j++) {
                out[j] = cx * xt[j] + cq * q[j];
            }
        }
    }

    /**
     * The time interval [lo, hi] on which {@code from} → {@code to} may be evaluated: lo = 0 if the conversion is finite at
     * t=0, else eps; hi = 1 if finite at t=1, else 1 − eps. E.g. x0 → velocity on condot gives [eps, 1].
     */
    public double[] safeTimes(Prediction from, Prediction to, double eps) {
        return new double[] {
            Conversion.between(scheduler, from, to, 0.0).isFinite() ? 0.0 : eps,
            Conversion.between(scheduler, from, to, 1.0).isFinite() ? 1.0 : 1.0 - eps};
    }

    private boolean targetFiniteAt(Prediction prediction, double t) {
        return Double.isFinite(prediction.x1Coefficient(scheduler, t)) && Double.isFinite(prediction.x0Coefficient(scheduler, t));
    }

    private static String interval(boolean finiteAt0, boolean finiteAt1) {
        return (finiteAt0 ? "[0" : "(0") + ", " + (finiteAt1 ? "1]" : "1)");
    }
}
