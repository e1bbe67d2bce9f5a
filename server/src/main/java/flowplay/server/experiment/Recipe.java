package flowplay.server.experiment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One of the three models the "Why fast?" experiment trains with the same network, data, steps and seed: only what is
 * learned differs (the path and what the network predicts).
 *
 * @param id       short name used in files and tables ({@code fm-ot}, …)
 * @param label    what the report calls it
 * @param settings the train settings that make it, beyond the shared ones
 */
public record Recipe(String id, String label, Map<String, String> settings) {
    /** Flow matching on the straight conditional-OT path x_t = t·x1 + (1 − t)·x0, velocity prediction. */
    public static final Recipe FM_OT = new Recipe("fm-ot", "FM · OT path (condot, velocity)",
            Map.of("scheduler", "condot", "prediction", "velocity"));
    /** Flow matching on the variance-preserving diffusion path, velocity prediction. */
    public static final Recipe FM_VP = new Recipe("fm-vp", "FM · VP path (vp, velocity)",
            Map.of("scheduler", "vp", "prediction", "velocity"));
    /**
     * Denoising score matching on the VP path: the network predicts ∇log p_t, weighted by σ_t² (λ(t) of score
     * matching; unweighted, the target −x0/σ_t explodes near the data end).
     */
    public static final Recipe SCORE_VP = new Recipe("score-vp", "Score matching · VP path (vp, score, σ² weight)",
            Map.of("scheduler", "vp", "prediction", "score", "lossWeight", "sigma2"));

    public static final List<Recipe> ALL = List.of(FM_OT, FM_VP, SCORE_VP);

    /** The raw train settings for {@code Settings.parse}: shared network and budget, then this recipe's own rows. */
    public Map<String, String> trainSettings(String dataset, int steps, long seed) {
        Map<String, String> raw = new LinkedHashMap<>();
        raw.put("dataset", dataset);
        raw.put("steps", Integer.toString(steps));
        raw.put("seed", Long.toString(seed));
        raw.put("checkpointEvery", Integer.toString(steps));
        raw.putAll(settings);
        return raw;
    }

    /**
     * Also sampled with the stochastic sampler: the issue pairs score matching with both of its samplers (the
     * probability-flow ODE and the SDE), the flow matching models with the ODE alone.
     */
    public boolean alsoStochastic() {
        return "score".equals(settings.get("prediction"));
    }

    /** The solvers this model is measured with: the four ODE solvers, and em when {@link #alsoStochastic}. */
    public List<String> solvers() {
        List<String> s = new ArrayList<>(WhyFastConfig.SOLVERS);
        if (alsoStochastic()) {
            s.add(WhyFastConfig.STOCHASTIC);
        }
        return s;
    }
}
