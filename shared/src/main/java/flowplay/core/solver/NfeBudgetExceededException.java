package flowplay.core.solver;

/** An adaptive solver needed more function evaluations than allowed: the field is too stiff or the tolerance too tight. */
public final class NfeBudgetExceededException extends RuntimeException {
    private final int maxNfe;
    private final double reachedTime;

    public NfeBudgetExceededException(String solver, int maxNfe, double reachedTime, double targetTime) {
        super(solver + " exceeded its budget of " + maxNfe + " function evaluations at t = " + reachedTime + " (integrating to t = "
                + targetTime + "); loosen rtol/atol or raise the budget");
        this.maxNfe = maxNfe;
        this.reachedTime = reachedTime;
    }

    public int maxNfe() {
        return maxNfe;
    }

    public double reachedTime() {
        return reachedTime;
    }
}
