package flowplay.server.experiment;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * Everything one run measured, and its views across seeds: a curve is one measure of one model and solver at each NFE
 * of {@link WhyFastConfig#NFES} (NaN where the solver cannot spend that NFE).
 *
 * @param gridSamples samples of the first seed for the sample grid, key {@code dataset/model/solver@nfe}
 * @param data        the fresh data draw of the first seed per data set, drawn beside the grid
 */
public record WhyFastResults(WhyFastConfig config, List<SweepPoint> points, List<ModelStats> models, Map<String, float[]> gridSamples,
                             Map<String, float[]> data, String engine, double seconds) {

    public static final ToDoubleFunction<SweepPoint> ERROR = SweepPoint::error;
    public static final ToDoubleFunction<SweepPoint> ENERGY = SweepPoint::energy;
    public static final ToDoubleFunction<SweepPoint> SW2 = SweepPoint::sw2;

    /** The measure at each NFE, spread over seeds; null entries where nothing was measured. */
    public Spread[] curve(String dataset, String model, String solver, ToDoubleFunction<SweepPoint> measure) {
        int[] nfes = WhyFastConfig.NFES;
        Spread[] out = new Spread[nfes.length];
        for (int i = 0; i < nfes.length; i++) {
            List<Double> values = new ArrayList<>();
            for (SweepPoint p : points) {
                if (p.nfe() == nfes[i] && p.dataset().equals(dataset) && p.model().equals(model) && p.solver().equals(solver)) {
                    values.add(measure.applyAsDouble(p));
                }
            }
            out[i] = values.isEmpty() ? null : Spread.of(values.stream().mapToDouble(Double::doubleValue).toArray());
        }
        return out;
    }

    /** The seed means of a curve, NaN where not measured: the input of {@link NfeToReach}. */
    public static double[] means(Spread[] curve) {
        double[] m = new double[curve.length];
        for (int i = 0; i < curve.length; i++) {
            m[i] = curve[i] == null ? Double.NaN : curve[i].mean();
        }
        return m;
    }

    /** One per-model statistic spread over seeds. */
    public Spread model(String dataset, String model, ToDoubleFunction<ModelStats> measure) {
        return Spread.of(models.stream().filter(s -> s.dataset().equals(dataset) && s.model().equals(model))
                .mapToDouble(measure).toArray());
    }
}
