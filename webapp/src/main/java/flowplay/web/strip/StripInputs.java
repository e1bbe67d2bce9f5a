package flowplay.web.strip;

import flowplay.core.model.PredictionField;

/**
 * What one pass of the strip (or of the solver chart) works on, fixed when the pass starts so that a checkpoint or an
 * edit arriving mid-pass cannot mix two models or two noises in one row.
 *
 * @param noiseSeed the seed the noise was drawn from, which names it in the {@link PanelCache}
 * @param reference the data set's points (m of them), which the metric compares against
 * @param halfExtent the box the panels show, the main picture's
 */
record StripInputs(PredictionField field, long step, String solver, int[] steps, String metric, int n, long noiseSeed, float[] noise,
                   float[] reference, int m, double halfExtent) {
}
