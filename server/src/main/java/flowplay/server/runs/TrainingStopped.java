package flowplay.server.runs;

import java.util.concurrent.CancellationException;

/** Thrown by {@link TrainingLoop} when asked to stop: names the last step completed (0 when none). */
public final class TrainingStopped extends CancellationException {
    private final long step;

    public TrainingStopped(long step) {
        super("cancelled at step " + step);
        this.step = step;
    }

    public long step() {
        return step;
    }
}
