package flowplay.core.training;

/**
 * The decay of the weights' exponential moving average at step s, ema ← d·ema + (1 − d)·θ: the configured decay, warmed
 * up as min(decay, (1 + s)/(10 + s)) so that the average forgets the random initialisation within the first few dozen
 * steps instead of the ~1/(1 − decay) it would take at full decay.
 */
public final class EmaDecay {
    private EmaDecay() {
    }

    public static double at(double decay, long step) {
        return Math.min(decay, (1.0 + step) / (10.0 + step));
    }
}
