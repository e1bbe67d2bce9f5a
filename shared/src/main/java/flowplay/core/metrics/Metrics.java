package flowplay.core.metrics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The sample-quality metrics between generated samples and reference data, as the {@code eval} CLI reports them. All
 * are squared-distance-like and 0 for identical sets (MMD² up to its unbiased estimator's noise). {@code exactW2} is
 * NaN when the sets are of unequal size or larger than {@link ExactW2#MAX_POINTS}.
 */
public record Metrics(int samples, int reference, int dim, double energyDistance, double slicedWasserstein2,
                      double mmd2, double exactW2) {

    public static Metrics compare(float[] samples, int n, float[] reference, int m, int dim) {
        double w2 = ExactW2.applicable(n, m) ? ExactW2.squared(samples, n, reference, m, dim) : Double.NaN;
        return new Metrics(n, m, dim,
                EnergyDistance.of(samples, n, reference, m, dim),
                SlicedWasserstein.squared(samples, n, reference, m, dim),
                Mmd.squared(samples, n, reference, m, dim),
                w2);
    }

    /** For {@code Json.write}: names in snake case, a NaN (not applicable) as null. */
    public Map<String, Object> toJson() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("samples", samples);
        out.put("reference", reference);
        out.put("dim", dim);
        out.put("energy_distance", energyDistance);
        out.put("sliced_wasserstein2", slicedWasserstein2);
        out.put("sliced_wasserstein2_directions", SlicedWasserstein.DEFAULT_DIRECTIONS);
        out.put("mmd2", mmd2);
        List<Object> bandwidths = new ArrayList<>();
        for (double h : Mmd.DEFAULT_BANDWIDTHS) {
            bandwidths.add(h);
        }
        out.put("mmd2_bandwidths", bandwidths);
        out.put("exact_w2", Double.isNaN(exactW2) ? null : exactW2);
        return out;
    }
}
