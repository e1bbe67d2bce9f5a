package flowplay.server.runs;

import flowplay.core.data.UserPoints;
import flowplay.core.settings.SettingException;
import flowplay.core.settings.SettingValues;
import flowplay.server.data.TrainingData;
import flowplay.server.engine.Engine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import java.io.UncheckedIOException;
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
import java.util.concurrent.atomic.LongAdder;
import java.util.function.BooleanSupplier;

/**
 * Runs training jobs on a fixed pool, one job per core: a small step split across threads loses more to hand-offs
 * than it gains, so parallelism is across runs. Further runs wait in a bounded queue; beyond it submit() refuses.
 * A run that throws fails alone, with the reason recorded.
 *
 * <p>Every run is recorded in the {@link RunStore}: its {@code run.json} is rewritten on each state change, with each
 * checkpoint, and every few seconds of progress. On construction the run list is rebuilt from disk; runs that had
 * not ended when the previous server stopped are failed with {@link #INTERRUPTED}, keeping their checkpoints.
 */
public final class RunManager implements AutoCloseable {
    public static final String INTERRUPTED = "server stopped before the run finished";
    /** The log MDC key naming the run a line is about (set on the training thread and in requests for a run). */
    public static final String MDC_RUN = "run";
    private static final Logger LOG = LoggerFactory.getLogger(RunManager.class);
    private static final SecureRandom IDS = new SecureRandom();

    private final Engine engine;
    private final RunStore store;
    private final RunLimits limits;
    private final ThreadPoolExecutor pool;
    private final Map<String, Run> runs = new ConcurrentHashMap<>();
    private final Map<String, Runnable> queued = new ConcurrentHashMap<>();
    private final List<String> order = new ArrayList<>();
    private final LongAdder stepsTrained = new LongAdder();
    private final Object positionLock = new Object();
    private volatile boolean closing;

    public RunManager(Engine engine, RunStore store, int workers, int queueCapacity) {
        this(engine, store, workers, queueCapacity, RunLimits.DEFAULT);
    }

    public RunManager(Engine engine, RunStore store, int workers, int queueCapacity, RunLimits limits) {
        this.engine = engine;
        this.store = store;
        this.limits = limits;
        AtomicInteger threads = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(workers, workers, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(queueCapacity), r -> {
            Thread t = new Thread(r, "train-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        recover();
    }

    /**
     * What {@code /ready} reports: runs by state, the queue and its room. Ready means a new run would be accepted now:
     * the manager is not shutting down and the queue has room.
     */
    public Readiness readiness() {
        Map<String, Integer> byState = new java.util.TreeMap<>();
        for (Run run : runs.values()) {
            byState.merge(run.state().id(), 1, Integer::sum);
        }
        int queue = pool.getQueue().size();
        int room = pool.getQueue().remainingCapacity();
        return new Readiness(!closing && room > 0, byState, queue, queue + room, pool.getMaximumPoolSize());
    }

    /** See {@link #readiness()}. */
    public record Readiness(boolean ready, Map<String, Integer> runsByState, int queued, int queueCapacity, int workers) {
    }

    /** Training steps taken by this server's runs since it started (for the metrics). */
    public long stepsTrained() {
        return stepsTrained.sum();
    }

    public RunLimits limits() {
        return limits;
    }

    public RunStore store() {
        return store;
    }

    /** Queues a run on a data set without points of the user's: see {@link #submit(SettingValues, float[])}. */
    public Run submit(SettingValues settings) {
        return submit(settings, null);
    }

    /**
     * Queues a run; {@code points} are the user's points, required for {@code dataset = points} (and refused with any
     * other), already checked by {@link UserPoints}'s rules. They are stored beside the run's record before it is
     * written. Throws {@link SettingException} naming {@code points} when they are missing or not wanted, or for more
     * steps, width, depth or batch than this server allows, and {@link RejectedExecutionException} when the queue is full.
     */
    public Run submit(SettingValues settings, float[] points) {
        boolean wantsPoints = UserPoints.NAME.equals(settings.getString("dataset"));
        if (wantsPoints != (points != null)) {
            throw new SettingException(UserPoints.NAME, wantsPoints ? "required with dataset=" + UserPoints.NAME
                    : "only with dataset=" + UserPoints.NAME + ", not with dataset=" + settings.getString("dataset"), UserPoints.ALLOWED);
        }
        limits.enforce(settings);
        if (closing) {
            throw new RejectedExecutionException("the server is stopping");
        }
        Run run;
        Runnable task;
        synchronized (order) {
            run = new Run(newId(), settings, points);
            task = new Queued(run);
            runs.put(run.id(), run);
        }
        if (points != null) {
            try {
                store.writePoints(run.id(), points);
            } catch (RuntimeException e) {
                runs.remove(run.id());
                store.deleteRun(run.id());
                throw e;
            }
        }
        queued.put(run.id(), task);
        save(run);
        // Said before the hand-over: a free worker may log "started" at once.
        lifecycle(run, "accepted: dataset " + run.config().dataset() + ", " + settings.getLong("steps") + " steps");
        try {
            pool.execute(task);
        } catch (RejectedExecutionException e) {
            lifecycle(run, "refused: the run queue is full");
            runs.remove(run.id());
            queued.remove(run.id());
            store.deleteRun(run.id());
            throw e;
        }
        synchronized (order) {
            order.add(run.id());
        }
        refreshQueuePositions();
        return run;
    }

    /** The pool's task for a run: named, so the queue can be read back as runs in order. */
    private final class Queued implements Runnable {
        private final Run run;

        Queued(Run run) {
            this.run = run;
        }

        @Override
        public void run() {
            execute(run);
        }
    }

    /**
     * Tells each waiting run its place in line (1 = next to start) when it changed: after a submit, a start and a
     * cancel. Serialised, so a stale count can never overwrite a newer one; the walk is short (serve's queue holds at most 1000).
     */
    private void refreshQueuePositions() {
        synchronized (positionLock) {
            int position = 0;
            for (Runnable task : pool.getQueue()) {
                if (task instanceof Queued q) {
                    q.run.queuePosition(++position);
                }
            }
        }
    }

    public Optional<Run> find(String id) {
        return id == null ? Optional.empty() : Optional.ofNullable(runs.get(id));
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

    /** The run's complete checkpoints on disk, by step ascending. */
    public List<RunStore.CheckpointFile> checkpoints(Run run) {
        return store.checkpoints(run.id());
    }

    /** The bytes of the run's checkpoint at {@code step}, or null when there is none. */
    public byte[] checkpoint(Run run, long step) {
        CheckpointBytes newest = run.checkpoint();
        if (newest != null && newest.step() == step) {
            return newest.bytes();
        }
        return store.readCheckpoint(run.id(), step);
    }

    /** The run's newest checkpoint (from memory, or from disk for a restored run), or null when there is none. */
    public CheckpointBytes newestCheckpoint(Run run) {
        CheckpointBytes newest = run.checkpoint();
        if (newest != null) {
            return newest;
        }
        List<RunStore.CheckpointFile> onDisk = store.checkpoints(run.id());
        for (int i = onDisk.size() - 1; i >= 0; i--) {
            byte[] bytes = store.readCheckpoint(run.id(), onDisk.get(i).step());
            if (bytes != null) {
                return new CheckpointBytes(onDisk.get(i).step(), bytes);
            }
        }
        return null;
    }

    /** The points a {@code dataset = points} run trains on (from memory, or from disk after a restart), else null. */
    public float[] points(Run run) {
        if (!UserPoints.NAME.equals(run.config().dataset())) {
            return null;
        }
        return run.points() != null ? run.points() : store.readPoints(run.id());
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
            end(run, RunState.CANCELLED, "cancelled while queued");
            refreshQueuePositions();
        }
        return true;
    }

    /** Pauses a running run; see {@link Run#pause()}. Empty for an unknown id, else whether it is paused now. */
    public Optional<Boolean> pause(String id) {
        return find(id).map(run -> {
            boolean paused = run.pause();
            if (paused) {
                save(run);
            }
            return paused;
        });
    }

    /** Resumes a paused run; see {@link Run#resume()}. Empty for an unknown id, else whether it is running now. */
    public Optional<Boolean> resume(String id) {
        return find(id).map(run -> {
            boolean running = run.resume();
            if (running) {
                save(run);
            }
            return running;
        });
    }

    private void execute(Run run) {
        try (MDC.MDCCloseable ignored = MDC.putCloseable(MDC_RUN, run.id())) {
            train(run);
        }
    }

    private void train(Run run) {
        queued.remove(run.id());
        refreshQueuePositions();
        if (run.cancelRequested()) {
            end(run, RunState.CANCELLED, "cancelled while queued");
            return;
        }
        if (closing) {
            end(run, RunState.FAILED, INTERRUPTED);
            return;
        }
        if (run.transition(RunState.RUNNING, null)) {
            lifecycle(run, "started");
            save(run);
        }
        long deadline = System.nanoTime() + limits.maxRunTime().toNanos();
        TrainingListener listener = new RunRecorder(run, store, stepsTrained, this::save);
        try {
            TrainingData data = TrainingData.of(run.config().dataset(), run.points());
            new TrainingLoop(run.config(), data.dataset(), data.metadata(run.settings().asMap()), engine, listener)
                    .run(() -> {
                        BooleanSupplier stop = () -> run.cancelRequested() || closing;
                        run.gate().pass(stop); // paused time is not training time: the cap skips it
                        return stop.getAsBoolean() || System.nanoTime() - run.gate().pausedNanos() - deadline > 0;
                    });
            end(run, RunState.DONE, null);
        } catch (CancellationException e) {
            long step = e instanceof TrainingStopped s ? s.step() : run.step();
            if (run.cancelRequested()) {
                end(run, RunState.CANCELLED, e.getMessage());
            } else if (closing) {
                end(run, RunState.FAILED, INTERRUPTED);
            } else {
                end(run, RunState.FAILED, "wall-clock cap of " + limits.maxRunSecondsText() + " s reached at step " + step);
            }
        } catch (TrainingDiverged e) {
            end(run, RunState.FAILED, e.getMessage());
        } catch (Throwable e) {
            // Throwable, not Exception: a native library that fails to load (an Error) must fail this run, not the pool.
            LOG.warn("run {} failed", run.id(), e);
            // The store's own failures say what failed in words already; anything else is named by its type.
            end(run, RunState.FAILED, e instanceof UncheckedIOException ? e.getMessage() : e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    private void end(Run run, RunState state, String reason) {
        if (run.transition(state, reason)) {
            lifecycle(run, reason == null ? state.id() + " at step " + run.step() : state.id() + ": " + reason);
            save(run);
        }
    }

    /** One log line about the run, under its id in the MDC also where the thread serves no run (a new run, shutdown). */
    private static void lifecycle(Run run, String what) {
        String outer = MDC.get(MDC_RUN);
        MDC.put(MDC_RUN, run.id());
        try {
            LOG.info("run {} {}", run.id(), what);
        } finally {
            if (outer == null) {
                MDC.remove(MDC_RUN);
            } else {
                MDC.put(MDC_RUN, outer);
            }
        }
    }

    /** Rewrites the run's record; a failing disk is logged, not allowed to fail the run or the request. */
    private void save(Run run) {
        synchronized (run) {
            try {
                store.writeRecord(run.record());
            } catch (RuntimeException e) {
                LOG.warn("cannot record run {}: {}", run.id(), e.toString());
            }
        }
    }

    /** Rebuilds the run list from disk, failing the runs that were queued or running when the last server stopped. */
    private void recover() {
        List<Run> restored = RunRecovery.restore(store, this::save);
        synchronized (order) {
            for (Run run : restored) {
                runs.put(run.id(), run);
                order.add(run.id());
            }
        }
    }

    /** A fresh id, unused in memory and on disk (ids of skipped, unreadable run folders included). Call under order's lock. */
    private String newId() {
        while (true) {
            String id = Long.toHexString(IDS.nextLong() & 0xffffffffffffL);
            if (!runs.containsKey(id) && !store.exists(id)) {
                return id;
            }
        }
    }

    /**
     * Stops training: running runs stop at their next step, write a checkpoint of the weights reached, and are
     * recorded failed with {@link #INTERRUPTED}, as are queued runs — so a restart finds them as a crash would leave them.
     */
    @Override
    public void close() {
        closing = true;
        pool.shutdownNow();
        try {
            pool.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (String id : queued.keySet()) {
            Run run = runs.get(id);
            if (run != null) {
                end(run, RunState.FAILED, INTERRUPTED);
            }
        }
    }
}
