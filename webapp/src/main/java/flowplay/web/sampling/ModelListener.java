package flowplay.web.sampling;

import flowplay.core.checkpoint.Checkpoint;

/**
 * Hears which model the page now shows — the newest checkpoint of a run, or a loaded file — so that every view (the
 * comparison strip, trajectories, fields, densities) draws the same model. Called on the page's thread, after decoding,
 * at most once per drawing however many checkpoints arrived meanwhile.
 */
public interface ModelListener {
    /**
     * @param checkpoint the model
     * @param source     "run" or the loaded file's name
     * @param dataset    the data set the picture shows (its points come from {@link SampleView#referencePoints()})
     */
    void modelChanged(Checkpoint checkpoint, String source, String dataset);
}
