package flowplay.server.runs;

import flowplay.core.checkpoint.Checkpoint;
import flowplay.core.settings.SettingValues;
import flowplay.server.engine.Engine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs training jobs on a fixed pool, one job per core: a small step split across threads loses more to hand-offs
 * than it gains, so parallelism is across runs. Further runs wait in a bounded queue; beyond it submit() refuses.
 * A run that throws fails alone, with the reason recorded.
 */
public final class RunManager implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RunManager.class);
    private static final SecureRandom IDS = new SecureRandom();

    private final Engine engine;
    private final RunStore store;
    private final ThreadPoolExecutor pool;
    private final Map<String, Run> runs = new ConcurrentHashMap<>();
    private final Map<String, Runnable> queued = new ConcurrentHashMap<>();
    private final List<String> order = new ArrayList<>();

    public RunManager(Engine engine, RunStore store, int workers, int queueCapacity) {
        this.engine = engine;
        this.store = store;
        AtomicInteger threads = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(workers, workers, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(queueCapacity), r -> {
            Thread t = new Thread(r, "train-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** Queues a run; throws {@link RejectedExecutionException} when the queue is full. */
    public Run submit(SettingValues settings) {
        Run run = new Run(newId(), settings);
        Runnable task = () -> execute(run);
        runs.put(run.id(), run);
        queued.put(run.id(), task);
        try {
            pool.execute(task);
        } catch (RejectedExecutionException e) {
            runs.remove(run.id());
            queued.remove(run.id());
            throw e;
        }
        synchronized (order) {
            order.add(run.id());
        }
        return run;
    }

    public Optional<Run> find(String id) {
        return Optional.ofNullable(runs.get(id));
    }

    /** All runs, oldest first. */
    public List<Run> list() {
        List<Run> all = new ArrayList<>();
        synchronized (order) {
            for (String id : order) {
                all.add(runs.get(id));
            }
        }
        return all;
    }

    /** Cancels a run: a queued one at once, a running one at its next step. Returns false for an unknown id. */
    public boolean cancel(String id) {
        Run run = runs.get(id);
        if (run == null) {
            return false;
        }
        run.requestCancel();
        Runnable task = queued.remove(id);
        if (task != null && pool.remove(task)) {
            run.transition(RunState.CANCELLED, "cancelled while queued");
        }
        return true;
    }

    private void execute(Run run) {
        queued.remove(run.id());
        if (run.cancelRequested()) {
            run.transition(RunState.CANCELLED, "cancelled while queued");
            return;
        }
        run.transition(RunState.RUNNING, null);
        TrainingListener listener = new TrainingListener() {
            @Override
            public void progress(Progress progress) {
                run.progress(progress);
            }

            @Override
            public void checkpoint(Checkpoint checkpoint, byte[] bytes) {
                store.writeCheckpoint(run.id(), checkpoint.step(), bytes);
                run.checkpoint(new CheckpointBytes(checkpoint.step(), bytes));
            }
        };
        try {
            new TrainingLoop(run.config(), run.settings().asMap(), engine, listener).run(run::cancelRequested);
            run.transition(RunState.DONE, null);
        } catch (CancellationException e) {
            run.transition(RunState.CANCELLED, e.getMessage());
        } catch (Throwable e) {
            // Throwable, not Exception: a native library that fails to load (an Error) must fail this run, not the pool.
            LOG.warn("run {} failed", run.id(), e);
            run.transition(RunState.FAILED, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    private static String newId() {
        return Long.toHexString(IDS.nextLong() & 0xffffffffffffL);
    }

    @Override
    public void close() {
        for (Run run : runs.values()) {
            run.requestCancel();
        }
        pool.shutdownNow();
        try {
            pool.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
