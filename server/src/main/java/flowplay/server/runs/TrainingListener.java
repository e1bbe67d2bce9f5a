package flowplay.server.runs;

import flowplay.core.checkpoint.Checkpoint;

/**
 * What a training loop reports, called on the training thread: implementations must return quickly and never wait
 * on a client (publish into a slot, write a small file, print a line).
 */
public interface TrainingListener {
    void progress(Progress progress);

    /** A checkpoint at {@code checkpoint.step()}, with its safetensors bytes already serialised once for every consumer. */
    void checkpoint(Checkpoint checkpoint, byte[] bytes);
}
