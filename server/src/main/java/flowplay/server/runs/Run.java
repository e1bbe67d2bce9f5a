package flowplay.server.runs;

import flowplay.core.settings.SettingValues;
import flowplay.core.settings.TrainConfig;

/**
 * One training job: its validated settings and what it has reached so far. Written by its training thread (or by a
 * cancel), read by HTTP handlers, so every field is volatile and every change also goes out through {@link #events()}.
 */
public final class Run {
    private final String id;
    private final SettingValues settings;
    private final TrainConfig config;
    private final RunEvents events = new RunEvents();
    private volatile RunState state = RunState.QUEUED;
    private volatile String reason;
    private volatile long step;
    private volatile double loss = Double.NaN;
    private volatile CheckpointBytes checkpoint;
    private volatile boolean cancelRequested;

    public Run(String id, SettingValues settings) {
        this.id = id;
        this.settings = settings;
        this.config = TrainConfig.from(settings);
        events.publish(new RunStatus(RunState.QUEUED, null));
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

    /** The newest checkpoint, or null before the first. */
    public CheckpointBytes checkpoint() {
        return checkpoint;
    }

    public boolean cancelRequested() {
        return cancelRequested;
    }

    void requestCancel() {
        cancelRequested = true;
    }

    void progress(Progress p) {
        step = p.step();
        loss = p.loss();
        events.publish(p);
    }

    void checkpoint(CheckpointBytes c) {
        checkpoint = c;
        events.publish(c);
    }

    /** Moves to {@code next} unless the run already ended; returns whether it moved. */
    synchronized boolean transition(RunState next, String why) {
        if (state.isFinal()) {
            return false;
        }
        state = next;
        reason = why;
        events.publish(new RunStatus(next, why));
        return true;
    }
}
