package flowplay.core.path.scheduler;

import flowplay.core.path.Scheduler;

/** The conditional optimal-transport path: α_t = t, σ_t = 1 − t, so every conditional path is a straight line. */
public final class CondOt implements Scheduler {
    @Override
    public String name() {
        return "condot";
    }

    @Override
    public double alpha(double t) {
        return t;
    }

    @Override
    public double sigma(double t) {
        return 1.0 - t;
    }

    @Override
    public double alphaDot(double t) {
        return 1.0;
    }

    @Override
    public double sigmaDot(double t) {
        return -1.0;
    }

    /** t/(1−t) = r ⇔ t = r/(1+r). */
    @Override
    public double snrInverse(double snr) {
        if (!(snr > 0)) {
            return 0.0;
        }
        return snr == Double.POSITIVE_INFINITY ? 1.0 : snr / (1.0 + snr);
    }
}
