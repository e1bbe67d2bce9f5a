package flowplay.core.sampling;

import flowplay.core.model.PredictionField;
import flowplay.core.model.VelocityField;
import flowplay.core.path.AffinePath;
import flowplay.core.path.ScheduleTransform;
import flowplay.core.path.Scheduler;
import flowplay.core.prediction.Prediction;
import flowplay.core.solver.TimeGrid;

import java.util.ArrayList;
import java.util.List;

/**
 * What a checkpoint is integrated through and on which interval: its velocity (or, after a post-training schedule
 * change, the {@link ScheduleTransform} of it) and [lo, hi], pulled in by eps at an end where the velocity — or the
 * score, which the stochastic sampler also needs, or the schedule change — is singular. One plan for the CLI's
 * {@code sample} and the page, so both clip the same grid and say why.
 *
 * @param reason why the interval is clipped ("" when it is [0, 1])
 */
public record SamplingPlan(VelocityField field, double lo, double hi, String reason) {
    /** How far a grid stays from a singular end unless told otherwise. */
    public static final double DEFAULT_EPS = 1e-3;

    public boolean clipped() {
        return lo > 0 || hi < 1;
    }

    /** N equal steps on [lo, hi], its ends rounded inwards to floats (solvers evaluate at float times). */
    public TimeGrid grid(int steps) {
        return clipped() ? TimeGrid.uniform(inward(lo, true), inward(hi, false), steps) : TimeGrid.sampling(steps);
    }

    /**
     * The plan for a trained field, on its own schedule ({@code schedule} null) or another one; {@code needsScore} for
     * the stochastic sampler with g &gt; 0. eps = 0 still clips by the default, so a caller can refuse eps = 0 where
     * clipping is needed.
     */
    public static SamplingPlan of(PredictionField field, Scheduler schedule, boolean needsScore, double eps) {
        AffinePath path = field.path();
        Prediction p = field.prediction();
        Scheduler trained = path.scheduler();
        double e = eps > 0 ? eps : DEFAULT_EPS;
        List<String> reasons = new ArrayList<>();
        double[] v = path.safeTimes(p, Prediction.VELOCITY, e);
        if (v[0] > 0 || v[1] < 1) {
            reasons.add(p.id() + " prediction is singular at t=" + ends(v) + " on " + trained.name());
        }
        double lo = v[0];
        double hi = v[1];
        if (needsScore) {
            double[] s = path.safeTimes(p, Prediction.SCORE, e);
            if (s[0] > lo || s[1] < hi) {
                reasons.add("its score (for em's noise) is singular at t=" + ends(s));
            }
            lo = Math.max(lo, s[0]);
            hi = Math.min(hi, s[1]);
        }
        if (schedule == null) {
            return new SamplingPlan(field, lo, hi, String.join("; ", reasons));
        }
        ScheduleTransform transform = new ScheduleTransform(field, trained, schedule);
        double[] st = transform.safeTimes(e);
        String change = "the " + trained.name() + " → " + schedule.name() + " schedule change";
        if (trained.alpha(0.0) > 0 && st[0] > 0) {
            reasons.add(change + " starts at t=" + st[0] + ", where " + schedule.name() + " reaches " + trained.name()
                    + "'s starting signal-to-noise ratio, and is singular at t=1");
        } else {
            reasons.add(change + " is singular at t=" + ends(st));
        }
        // The trained field is evaluated at t_A = snrInverse_A(snr_B(t)): map its finite interval to the new clock.
        double fieldLo = lo > 0 ? schedule.snrInverse(trained.snr(lo)) : 0;
        double fieldHi = hi < 1 ? schedule.snrInverse(trained.snr(hi)) : 1;
        return new SamplingPlan(transform, Math.max(st[0], fieldLo), Math.min(st[1], fieldHi), String.join("; ", reasons));
    }

    /**
     * The float nearest to t on the inside of the interval: solvers evaluate fields at float times, and a clipped end
     * rounded outwards (below lo, above hi) would land on the singular side.
     */
    public static double inward(double t, boolean lower) {
        float f = (float) t;
        if (lower && f < t) {
            f = Math.nextUp(f);
        } else if (!lower && f > t) {
            f = Math.nextDown(f);
        }
        return f;
    }

    /** "0", "1" or "0 and t=1": the singular ends of a safe interval, for messages. */
    public static String ends(double[] safe) {
        if (safe[0] > 0 && safe[1] < 1) {
            return "0 and t=1";
        }
        return safe[0] > 0 ? "0" : "1";
    }
}
