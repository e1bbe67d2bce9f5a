package flowplay.web.bench;

import flowplay.core.model.Mlp;
import flowplay.core.model.PredictionField;
import org.teavm.jso.browser.Performance;
import org.teavm.jso.browser.Window;

/**
 * Times any {@link AsyncSampler} on a workload: one warm-up run of {@code warmupSteps} steps on all points, then
 * {@code reps} timed runs of {@code steps} steps, each started from a fresh timer callback so the page stays responsive
 * (and Selenium can read it) between runs. A run's time ends when its final points are in hand.
 */
public final class TimedRuns {
    private final AsyncSampler sampler;
    private final BenchWorkload workload;
    private final BenchCallback callback;
    private final String note;
    private final PredictionField field;
    private final float[] noise;
    private final double[] seconds;
    private int run = -1;
    private double started;

    private TimedRuns(AsyncSampler sampler, BenchWorkload workload, String note, BenchCallback callback) {
        this.sampler = sampler;
        this.workload = workload;
        this.callback = callback;
        this.note = note;
        Mlp mlp = workload.mlp();
        this.field = BenchWorkload.field(mlp);
        this.noise = workload.noise();
        this.seconds = new double[workload.reps];
    }

    public static void start(AsyncSampler sampler, BenchWorkload workload, String note, BenchCallback callback) {
        new TimedRuns(sampler, workload, note, callback).next();
    }

    private void next() {
        Window.setTimeout(this::launch, 0);
    }

    private void launch() {
        int steps = run < 0 ? workload.warmupSteps : workload.steps;
        started = Performance.now();
        try {
            sampler.sample(field, BenchWorkload.SOLVER, BenchWorkload.grid(field, steps), noise, workload.points,
                    this::finished, callback::failed);
        } catch (RuntimeException e) {
            callback.failed(e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    private void finished(float[] samples) {
        double elapsed = (Performance.now() - started) / 1000.0;
        if (run >= 0) {
            seconds[run] = elapsed;
        }
        run++;
        if (run < workload.reps) {
            next();
        } else {
            callback.done(new BenchResult(seconds, samples, note));
        }
    }
}
