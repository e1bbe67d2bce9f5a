package flowplay.server.runs;

import flowplay.core.checkpoint.Checkpoint;

import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;

/**
 * What a training run reports, recorded: progress goes to the run (and so to its viewers) and its record is rewritten
 * every few seconds; each checkpoint is written to disk before viewers hear of it, so a listed checkpoint is on disk.
 */
final class RunRecorder implements TrainingListener {
    private static final long SAVE_PROGRESS_NANOS = 2_000_000_000L;

    private final Run run;
    private final RunStore store;
    private final LongAdder stepsTrained;
    private final Consumer<Run> save;
    private long lastSave = System.nanoTime();
    private long lastStep;

    /** {@code stepsTrained}: the server's count of steps (for its metrics); {@code save} rewrites the run's record. */
    RunRecorder(Run run, RunStore store, LongAdder stepsTrained, Consumer<Run> save) {
        this.run = run;
        this.store = store;
        this.stepsTrained = stepsTrained;
        this.save = save;
    }

    @Override
    public void progress(Progress progress) {
        stepsTrained.add(Math.max(0, progress.step() - lastStep));
        lastStep = progress.step();
        run.progress(progress);
        long now = System.nanoTime();
        if (now - lastSave >= SAVE_PROGRESS_NANOS) {
            lastSave = now;
            save.accept(run);
        }
    }

    @Override
    public void checkpoint(Checkpoint checkpoint, byte[] bytes) {
        store.writeCheckpoint(run.id(), checkpoint.step(), bytes);
        run.checkpoint(new CheckpointBytes(checkpoint.step(), bytes));
        lastSave = System.nanoTime();
        save.accept(run);
    }
}
