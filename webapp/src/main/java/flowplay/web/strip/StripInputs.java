package flowplay.web.strip;

import flowplay.core.sampling.SampleConfig;

/**
 * What one pass of the strip (or of the solver chart) works on, fixed when the pass starts so that a checkpoint or an
 * edit arriving mid-pass cannot mix two models or two noises in one row.
 *
 * @param model the shown model (row one)
 * @param settingsLines the sample settings as {@code name=value} lines, what a worker rebuilds {@code config} from
 * @param config the sample settings: solver and its parameters, schedule, noise seed (which names the noise in the
 *               {@link PanelCache})
 * @param reference the data set's points (m of them), which the metric compares against
 * @param halfExtent the box the panels show, the main picture's
 */
record StripInputs(StripModel model, long step, String settingsLines, SampleConfig config, int[] steps, String metric, int n, float[] noise,
                   float[] reference, int m, double halfExtent) {
}
