package flowplay.server.runs;

import flowplay.core.checkpoint.Checkpoint;
import flowplay.core.data.Dataset;
import flowplay.core.json.Json;
import flowplay.core.model.Mlp;
import flowplay.core.path.AffinePath;
import flowplay.core.path.Scheduler;
import flowplay.core.path.scheduler.CondOt;
import flowplay.core.prediction.Prediction;
import flowplay.core.rng.Rng;
import flowplay.core.settings.TrainConfig;
import flowplay.server.engine.Engine;
import flowplay.server.engine.Trainer;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

/**
 * Conditional flow matching on the CondOT path: per step x1 ~ data, x0 ~ N(0, I), t ~ U(0, 1), regress the network on
 * the path's velocity target. One {@code Rng(seed)} drives everything in a fixed order — the weight initialisation
 * first, then per step the data batch, the noise, the times — so a seed names a run exactly, on any engine that
 * follows the same order.
 */
public final class TrainingLoop {
    /** The walking skeleton trains the seed's recipe only: velocity prediction on the conditional OT path. */
    private static final Scheduler SCHEDULER = new CondOt();
    private static final long REPORT_NANOS = 50_000_000L;
    private static final int REPORT_STEPS = 10;

    private final TrainConfig config;
    private final Dataset data;
    private final Map<String, String> settings;
    private final Engine engine;
    private final TrainingListener listener;

    /**
     * @param data     the training data p(x1), resolved by the caller (a built-in, a file data set or a user's points)
     * @param settings the validated settings in canonical text, stored in each checkpoint's metadata
     * @param engine   builds the trainer from the initial weights
     */
    public TrainingLoop(TrainConfig config, Dataset data, Map<String, String> settings, Engine engine, TrainingListener listener) {
        this.config = config;
        this.data = data;
        this.settings = settings;
        this.engine = engine;
        this.listener = listener;
    }

    /**
     * Trains to the end, or stops soon after {@code cancelled} turns true: it then hands the weights reached to the
     * listener as a checkpoint (unless that step was just checkpointed) and throws {@link TrainingStopped}, a
     * {@link CancellationException} naming the last step done.
     */
    public Mlp run(BooleanSupplier cancelled) {
        int dim = data.dim();
        int n = config.batch();
        Rng rng = new Rng(config.seed());
        Trainer trainer = engine.trainer(Mlp.init(config.layerSizes(dim), config.activation(), rng), config);
        AffinePath path = new AffinePath(SCHEDULER);

        float[] x0 = new float[n * dim];
        float[] x1 = new float[n * dim];
        float[] t = new float[n];
        float[] xt = new float[n * dim];
        float[] target = new float[n * dim];
        float[] input = new float[n * (dim + 1)];

        long lastReportTime = System.nanoTime();
        long lastReportStep = 0;
        double lossSum = 0;
        Mlp last = null;
        long lastCheckpoint = 0;
        for (long step = 1; step <= config.steps(); step++) {
            if (cancelled.getAsBoolean()) {
                long done = step - 1;
                if (done > lastCheckpoint) {
                    Checkpoint checkpoint = checkpoint(trainer.snapshot(), done);
                    listener.checkpoint(checkpoint, checkpoint.toBytes());
                }
                throw new TrainingStopped(done);
            }
            data.sample(rng, n, x1);
            rng.fillGaussian(x0, 0, n * dim);
            for (int i = 0; i < n; i++) {
                t[i] = rng.nextFloat();
            }
            path.sample(x0, x1, t, n, dim, xt, target);
            for (int i = 0; i < n; i++) {
                System.arraycopy(xt, i * dim, input, i * (dim + 1), dim);
                input[i * (dim + 1) + dim] = t[i];
            }
            lossSum += trainer.step(input, target);

            long now = System.nanoTime();
            boolean end = step == config.steps();
            if (end || step - lastReportStep >= REPORT_STEPS || now - lastReportTime >= REPORT_NANOS) {
                long steps = step - lastReportStep;
                double seconds = Math.max(1e-9, (now - lastReportTime) / 1e9);
                listener.progress(new Progress(step, lossSum / steps, steps / seconds));
                lastReportStep = step;
                lastReportTime = now;
                lossSum = 0;
            }
            if (end || step % config.checkpointEvery() == 0) {
                last = trainer.snapshot();
                lastCheckpoint = step;
                Checkpoint checkpoint = checkpoint(last, step);
                listener.checkpoint(checkpoint, checkpoint.toBytes());
            }
        }
        return last;
    }

    private Checkpoint checkpoint(Mlp mlp, long step) {
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put(Checkpoint.KEY_STEP, Long.toString(step));
        meta.put(Checkpoint.KEY_TRAINING, Json.write(settings));
        return Checkpoint.of(mlp, SCHEDULER, Prediction.VELOCITY, meta);
    }
}
