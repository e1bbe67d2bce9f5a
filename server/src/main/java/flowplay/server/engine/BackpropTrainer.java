package flowplay.server.engine;

import flowplay.core.model.Mlp;

/**
 * What both engines are underneath: a step is backpropagation of the batch's weighted MSE into a gradient buffer, then
 * one Adam update from it. The two halves are separate so that tests can check each against its formula on every engine.
 */
abstract class BackpropTrainer implements Trainer {
    @Override
    public final float step(float[] input, float[] target, float[] weights, double lr) {
        float loss = gradient(input, target, weights);
        applyAdam(lr);
        return loss;
    }

    /**
     * Fills the gradient buffer for one batch (rows of the network input and of the target, row weights or null) and
     * returns the loss before any update.
     */
    abstract float gradient(float[] input, float[] target, float[] weights);

    /** One Adam update (β1 0.9, β2 0.999, ε 1e-8, bias-corrected, as torch.optim.Adam) at rate lr from the gradient buffer. */
    abstract void applyAdam(double lr);

    /** The current gradient (valid after {@link #gradient}) in the snapshot layout. */
    abstract Mlp gradientSnapshot();
}
