package flowplay.web.field;

import flowplay.core.model.PredictionField;
import flowplay.core.prediction.Prediction;
import flowplay.core.solver.TimeGrid;
import flowplay.web.sampling.SamplingGrid;

/**
 * One model's field view: the layers at any t, built from the model's {@link PredictionField} (its scheduler, its
 * velocity, its prediction), the data points and fixed source noise. The ODE path is integrated on first use and then
 * cached for the model's lifetime; the density is computed only when asked (it costs a solve per cell).
 */
public final class FieldModel {
    /** ODE steps of the cached model path: the animation interpolates between these frames. */
    public static final int PATH_STEPS = 64;
    public static final int ARROW_GRID = 24;
    public static final int DENSITY_GRID = 48;

    private final PredictionField field;
    private final float[] noise;
    private final int n;
    private final float[] data;
    private final int m;
    private final double halfExtent;
    private ModelPath modelPath;
    private DensityMap density;

    /**
     * @param noise n source points; @param data m ≥ 1 data points (or m = 0: then p_t from the data is not drawn)
     */
    public FieldModel(PredictionField field, float[] noise, int n, float[] data, int m, double halfExtent) {
        this.field = field;
        this.noise = noise;
        this.n = n;
        this.data = data;
        this.m = m;
        this.halfExtent = halfExtent;
    }

    public PredictionField field() {
        return field;
    }

    /** Where {@code prediction → to} is finite, pulled in by the page's eps at a singular end. */
    public double[] safe(Prediction to) {
        return field.path().safeTimes(field.prediction(), to, SamplingGrid.EPS);
    }

    public double halfExtent() {
        return halfExtent;
    }

    /** Floats of data the model was built with: the view rebuilds it when the data set's points arrive or change. */
    public int dataLength() {
        return data.length;
    }

    public boolean hasDensity() {
        return density != null;
    }

    /**
     * Starts the density map (slow: seconds in the browser); the caller fills it chunk by chunk, and the density layer
     * shows it as it fills. It stays with the model.
     */
    public DensityMap startDensity() {
        density = new DensityMap(field, new FieldGrid(DENSITY_GRID, halfExtent), safe(Prediction.VELOCITY), DensityMap.STEPS);
        return density;
    }

    /** The whole density map now (tests, the JVM). */
    public DensityMap computeDensity() {
        DensityMap d = startDensity();
        while (!d.done()) {
            d.fill(d.grid().cells());
        }
        return d;
    }

    public FieldPicture picture(FieldLayer layer, double t) {
        FieldPicture p = new FieldPicture();
        p.layer = layer;
        p.t = t;
        p.tUsed = t;
        p.halfExtent = halfExtent;
        p.pointTime = t;
        p.faint = data;
        p.faintCount = m;
        switch (layer) {
            case PATH_DATA -> {
                p.points = dataPath(t);
                p.pointCount = m > 0 ? n : 0;
            }
            case PATH_MODEL -> {
                ModelPath path = modelPath();
                use(p, path.start(), path.end());
                p.points = new float[2 * n];
                path.at(p.tUsed, p.points);
                p.pointCount = n;
            }
            case ARROWS -> {
                use(p, safe(Prediction.VELOCITY));
                p.arrows = Arrows.of(field, new FieldGrid(ARROW_GRID, halfExtent), (float) p.tUsed);
            }
            case X1 -> {
                use(p, safe(Prediction.X1));
                float[] xt = dataPath(p.tUsed);
                int count = m > 0 ? n : 0;
                float[] x1 = new float[2 * n];
                field.predict(xt, (float) p.tUsed, n, x1);
                field.path().convert(field.prediction(), Prediction.X1, xt, x1, (float) p.tUsed, n, 2, x1);
                p.faint = xt;
                p.faintCount = count;
                p.points = x1;
                p.pointCount = count;
                p.pointTime = 1;
            }
            case DENSITY -> {
                // The likelihood solve needs the velocity and its divergence only, not the score.
                double[] s = safe(Prediction.VELOCITY);
                p.t = 1;
                p.tUsed = s[1];
                p.clamped = s[1] < 1;
                p.density = density;
            }
            default -> throw new IllegalStateException("unknown layer " + layer);
        }
        return p;
    }

    private static void use(FieldPicture p, double[] safe) {
        use(p, safe[0], safe[1]);
    }

    private static void use(FieldPicture p, double lo, double hi) {
        p.tUsed = Math.max(lo, Math.min(hi, p.t));
        p.clamped = p.tUsed != p.t;
    }

    private float[] dataPath(double t) {
        float[] out = new float[2 * n];
        if (m > 0) {
            DataPath.at(field.path().scheduler(), noise, data, m, n, t, out);
        }
        return out;
    }

    private ModelPath modelPath() {
        if (modelPath == null) {
            TimeGrid grid = SamplingGrid.of(field, PATH_STEPS);
            modelPath = ModelPath.integrate(field, noise, n, grid);
        }
        return modelPath;
    }
}
