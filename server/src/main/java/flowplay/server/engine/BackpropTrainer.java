package flowplay.server.engine;

import flowplay.core.model.Mlp;

/**
 * What both engines are underneath: a step is backpropagation of the batch's MSE into a gradient buffer, then one Adam
 * update from it. The two halves are separate so that tests can check each against its formula on every engine.
 */
abstract class BackpropTrainer implements Trainer {
    @Override
    public final float step(float[] input, float[] target) {
        float loss = gradient(input, target);
        applyAdam();
        return loss;
    }

    /** Fills the gradient buffer for one batch (rows of concat(x_t, t) and of the target) and returns the loss before any update. */
    abstract float gradient(float[] input, float[] target);

    /** One Adam update (β1 0.9, β2 0.999, ε 1e-8, bias-corrected, as torch.optim.Adam) from the gradient buffer. */
    abstract void applyAdam();

    /** The current gradient (valid after {@link #gradient}) in the snapshot layout. */
    abstract Mlp gradientSnapshot();
}
