package flowplay.server.engine;

import flowplay.core.model.Mlp;

/**
 * One optimiser step of the network on a ready-made batch. The training loop owns the data, the path and the schedules;
 * an engine only owns the weights (and their moving average), so engines stay swappable.
 */
public interface Trainer {
    /** The batch size this trainer was built for: step() takes exactly this many rows. */
    int batch();

    /**
     * One Adam step at learning rate {@code lr} on the weighted mean squared error
     * mean_i w_i·|out_i − target_i|² / dim. {@code input} is row-major n×(network inputs), {@code target} n×dim,
     * {@code weights} n values or null for all 1. Returns the loss before the update.
     */
    float step(float[] input, float[] target, float[] weights, double lr);

    /** ema ← decay·ema + (1 − decay)·θ; the average starts from the weights at the first call. */
    void updateEma(double decay);

    /** A copy of the current weights in the PyTorch [out, in] layout. */
    Mlp snapshot();

    /** A copy of the moving average of the weights; the current weights while {@link #updateEma} was never called. */
    Mlp emaSnapshot();
}
