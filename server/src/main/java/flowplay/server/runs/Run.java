package flowplay.server.runs;

import flowplay.core.settings.SettingValues;
import flowplay.core.settings.TrainConfig;

import java.time.Instant;

/**
 * One training job: its validated settings and what it has reached so far. Written by its training thread (or by a
 * cancel), read by HTTP handlers, so every field is volatile and every change also goes out through {@link #events()}.
 */
public final class Run {
    private final String id;
    private final SettingValues settings;
    private final TrainConfig config;
    /** The user's points for {@code dataset = points} (row-major x, y), null otherwise and for a restored run. */
    private final float[] points;
    private final RunEvents events = new RunEvents();
    private final PauseGate gate = new PauseGate();
    private final Instant created;
    private volatile Instant finished;
    private volatile RunState state = RunState.QUEUED;
    private volatile String reason;
    private volatile long step;
    private volatile double loss = Double.NaN;
    private volatile CheckpointBytes checkpoint;
    private volatile long checkpointStep = -1;
    private volatile boolean cancelRequested;
    private volatile int queuePosition;

    public Run(String id, SettingValues settings) {
        this(id, settings, null);
    }

    /** A new run; {@code points} are the user's points it trains on (for {@code dataset = points}), else null. */
    public Run(String id, SettingValues settings, float[] points) {
        this.id = id;
        this.settings = settings;
        this.config = TrainConfig.from(settings);
        this.points = points;
        this.created = Instant.now();
        events.publish(new RunStatus(RunState.QUEUED, null));
    }

    /**
     * A run read back from disk after a restart, already in a final state. Its checkpoints stay on disk
     * ({@link #checkpoint()} is null); {@link #checkpointStep()} names the newest.
     */
    Run(RunRecord r, SettingValues settings) {
        if (!r.state().isFinal()) {
            throw new IllegalArgumentException("a restored run must have ended, not be " + r.state().id());
        }
        this.id = r.id();
        this.settings = settings;
        this.config = TrainConfig.from(settings);
        this.points = null;
        this.created = r.created();
        this.finished = r.finished();
        this.state = r.state();
        this.reason = r.reason();
        this.step = r.step();
        this.loss = r.loss() == null ? Double.NaN : r.loss();
        this.checkpointStep = r.checkpointStep() == null ? -1 : r.checkpointStep();
        if (r.loss() != null) {
            events.publish(new Progress(step, loss, 0));
        }
        events.publish(new RunStatus(state, reason));
    }

    /** The record written to {@code run.json}: a consistent snapshot when taken while holding this run's lock. */
    synchronized RunRecord record() {
        return new RunRecord(id, settings.asMap(), state, reason, created, finished, step, Double.isNaN(loss) ? null : loss,
                checkpointStep < 0 ? null : checkpointStep);
    }

    public Instant created() {
        return created;
    }

    /** When the run reached its final state, or null while it has not. */
    public Instant finished() {
        return finished;
    }

    /** The step of the newest checkpoint written (in memory or, after a restart, on disk), -1 before the first. */
    public long checkpointStep() {
        return checkpointStep;
    }

    public String id() {
        return id;
    }

    public SettingValues settings() {
        return settings;
    }

    public TrainConfig config() {
        return config;
    }

    /** The user's points held in memory (a run submitted with them), or null; a restored run's are on disk. */
    public float[] points() {
        return points;
    }

    public RunEvents events() {
        return events;
    }

    public RunState state() {
        return state;
    }

    public String reason() {
        return reason;
    }

    public long step() {
        return step;
    }

    /** Mean loss of the latest progress report, NaN before the first. */
    public double loss() {
        return loss;
    }

    /** The newest checkpoint held in memory, or null before the first (and for runs restored from disk). */
    public CheckpointBytes checkpoint() {
        return checkpoint;
    }

    /** The run's place in the queue (1 = next to start) while it waits behind others; 0 once it left the queue or never waited. */
    public int queuePosition() {
        return state == RunState.QUEUED ? queuePosition : 0;
    }

    /** Records a new place in the queue and tells subscribers; nothing once the run has left the queue or when unchanged. */
    synchronized void queuePosition(int position) {
        if (state != RunState.QUEUED || position == queuePosition) {
            return;
        }
        queuePosition = position;
        events.publish(new RunStatus(RunState.QUEUED, null, position));
    }

    public boolean cancelRequested() {
        return cancelRequested;
    }

    void requestCancel() {
        cancelRequested = true;
        gate.wake();
    }

    PauseGate gate() {
        return gate;
    }

    /**
     * Pauses a running run (a paused one stays paused); returns false, changing nothing, in any other state. The
     * state reads paused at once; the step in flight, if any, still completes.
     */
    synchronized boolean pause() {
        if (state == RunState.PAUSED) {
            return true;
        }
        if (state != RunState.RUNNING) {
            return false;
        }
        gate.pause();
        state = RunState.PAUSED;
        events.publish(new RunStatus(state, null));
        return true;
    }

    /** Resumes a paused run (a running one keeps running); returns false, changing nothing, in any other state. */
    synchronized boolean resume() {
        if (state == RunState.RUNNING) {
            return true;
        }
        if (state != RunState.PAUSED) {
            return false;
        }
        gate.resume();
        state = RunState.RUNNING;
        events.publish(new RunStatus(state, null));
        return true;
    }

    void progress(Progress p) {
        step = p.step();
        loss = p.loss();
        events.publish(p);
    }

    void checkpoint(CheckpointBytes c) {
        checkpoint = c;
        checkpointStep = c.step();
        events.publish(c);
    }

    /** Moves to {@code next} unless the run already ended; returns whether it moved. */
    synchronized boolean transition(RunState next, String why) {
        if (state.isFinal()) {
            return false;
        }
        state = next;
        reason = why;
        if (next.isFinal()) {
            finished = Instant.now();
            gate.resume();
        }
        events.publish(new RunStatus(next, why));
        return true;
    }
}
