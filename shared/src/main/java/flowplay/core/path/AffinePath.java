package flowplay.core.path;

/** Samples the affine path x_t = α_t·x1 + σ_t·x0 and its conditional velocity α̇_t·x1 + σ̇_t·x0, the regression target. */
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
}
