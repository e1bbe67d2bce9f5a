package flowplay.server.runs;

import java.util.function.BooleanSupplier;

/**
 * The pause switch of one run. The training thread passes the gate between steps: while paused it waits on this
 * monitor (no spinning, no step in flight), so pausing costs nothing but the worker thread it keeps. A cancel or a
 * server stop wakes it through {@link #wake()} or an interrupt. The time spent waiting is counted, so the run's
 * wall-clock cap measures training time only.
 */
final class PauseGate {
    private boolean paused;
    private long pausedNanos;

    synchronized void pause() {
        paused = true;
    }

    synchronized void resume() {
        paused = false;
        notifyAll();
    }

    /** Wakes a waiting trainer so it looks at its stop condition again (a cancel while paused). */
    synchronized void wake() {
        notifyAll();
    }

    synchronized boolean paused() {
        return paused;
    }

    /** Total time spent waiting in {@link #pass}, in nanoseconds. */
    synchronized long pausedNanos() {
        return pausedNanos;
    }

    /**
     * Called by the training thread between steps: returns at once unless paused, else waits until resumed or until
     * {@code stop} turns true (checked on every wake-up, and at least once a second as a safety net).
     */
    synchronized void pass(BooleanSupplier stop) {
        if (!paused) {
            return;
        }
        long start = System.nanoTime();
        try {
            while (paused && !stop.getAsBoolean()) {
                wait(1000);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // a server stop: the caller's stop condition ends the run
        } finally {
            pausedNanos += System.nanoTime() - start;
        }
    }
}
