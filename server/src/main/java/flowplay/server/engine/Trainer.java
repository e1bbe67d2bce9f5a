package flowplay.server.engine;

import flowplay.core.model.Mlp;

/**
 * One optimiser step of the velocity network on a ready-made batch. The training loop owns the data and the path;
 * an engine only owns the weights, so engines stay swappable (ND4J now, a fused Java engine later).
 */
public interface Trainer {
    /** The batch size this trainer was built for: step() takes exactly this many rows. */
    int batch();

    /**
     * One Adam step on the mean squared error. {@code input} is row-major n×(dim+1) (x_t then t), {@code target} n×dim.
     * Returns the loss before the update.
     */
    float step(float[] input, float[] target);

    /** A copy of the current weights in the PyTorch [out, in] layout. */
    Mlp snapshot();
}
