package flowplay.server.runs;

/**
 * The loss turned NaN or infinite: the weights are ruined from this step on, so the run stops and fails with this
 * message as its reason, keeping the checkpoints written before. An expected outcome of a bad setting (a huge lr), not
 * a bug, hence a message for the user rather than an exception name.
 */
public final class TrainingDiverged extends IllegalStateException {
    private final long step;

    public TrainingDiverged(float loss, long step) {
        super("loss became " + loss + " at step " + step + ": training diverged (try a lower lr, a loss weight, or times away from"
                + " a singular end)");
        this.step = step;
    }

    /** The step whose loss was not finite. */
    public long step() {
        return step;
    }
}
