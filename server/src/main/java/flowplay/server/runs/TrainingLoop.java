package flowplay.server.runs;

import flowplay.core.checkpoint.Checkpoint;
import flowplay.core.data.Dataset;
import flowplay.core.json.Json;
import flowplay.core.model.Mlp;
import flowplay.core.rng.Rng;
import flowplay.core.settings.TrainConfig;
import flowplay.core.training.EmaDecay;
import flowplay.core.training.TrainingBatch;
import flowplay.server.engine.Engine;
import flowplay.server.engine.Trainer;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

/**
 * Trains a run: per step one {@link TrainingBatch} of the run's objective (any path, prediction, coupling, time
 * sampling and loss weight), one engine step at the scheduled learning rate, and the weights' moving average when EMA
 * is on. One {@code Rng(seed)} drives everything in a fixed order — the weight initialisation first, then the batches —
 * so a seed names a run exactly, on any engine.
 */
public final class TrainingLoop {
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
     * {@link CancellationException} naming the last step done. A loss that turns NaN or infinite throws {@link TrainingDiverged}.
     */
    public Mlp run(BooleanSupplier cancelled) {
        Rng rng = new Rng(config.seed());
        Trainer trainer = engine.trainer(Mlp.init(config.layerSizes(data), config.activation(), rng), config);
        TrainingBatch batch = config.batches(data);
        boolean ema = config.ema() > 0;

        long lastReportTime = System.nanoTime();
        long lastReportStep = 0;
        double lossSum = 0;
        Mlp last = null;
        long lastCheckpoint = 0;
        for (long step = 1; step <= config.steps(); step++) {
            if (cancelled.getAsBoolean()) {
                long done = step - 1;
                if (done > lastCheckpoint) {
                    publish(weights(trainer, ema), done);
                }
                throw new TrainingStopped(done);
            }
            batch.draw(data, rng);
            float loss = trainer.step(batch.input(), batch.target(), batch.weights(), config.lrSchedule().at(config.lr(), step, config.steps()));
            if (!Float.isFinite(loss)) {
                throw new TrainingDiverged(loss, step);
            }
            if (ema) {
                trainer.updateEma(EmaDecay.at(config.ema(), step));
            }
            lossSum += loss;

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
                last = weights(trainer, ema);
                lastCheckpoint = step;
                publish(last, step);
            }
        }
        return last;
    }

    /** The weights a checkpoint holds: the moving average when EMA is on. */
    private static Mlp weights(Trainer trainer, boolean ema) {
        return ema ? trainer.emaSnapshot() : trainer.snapshot();
    }

    private void publish(Mlp mlp, long step) {
        Checkpoint checkpoint = checkpoint(mlp, step);
        listener.checkpoint(checkpoint, checkpoint.toBytes());
    }

    private Checkpoint checkpoint(Mlp mlp, long step) {
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put(Checkpoint.KEY_STEP, Long.toString(step));
        meta.put(Checkpoint.KEY_TRAINING, Json.write(settings));
        return Checkpoint.of(mlp, config.timeInput(), config.condition(data), config.objective().scheduler(), config.objective().prediction(),
                meta);
    }
}
