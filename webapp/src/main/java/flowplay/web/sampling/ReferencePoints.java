package flowplay.web.sampling;

import flowplay.core.data.Datasets;
import flowplay.core.data.FileDatasets;
import flowplay.core.data.UserPoints;
import flowplay.core.rng.Rng;
import flowplay.web.PageErrors;
import flowplay.web.net.HttpResult;
import flowplay.web.net.RunClient;
import flowplay.web.points.PointSet;
import java.util.HashMap;
import java.util.Map;

/**
 * The data set drawn faintly behind the samples: a built-in's points generated once with a fixed seed (so switching
 * back and forth shows the same points), a file data set's points fetched once from the server
 * ({@code GET /api/datasets/{name}}), or the user's own points as they are now.
 */
public final class ReferencePoints {
    /** Enough points to show the shape, few enough to stay in the background. */
    private static final int COUNT = 1500;
    private static final long SEED = 7;
    private static final float[] NONE = new float[0];

    private final RunClient client;
    private final PointSet user;
    private final Runnable loaded;
    private final Map<String, float[]> cache = new HashMap<>();

    /** @param loaded hears that a file data set's points arrived (the picture that showed none can redraw) */
    public ReferencePoints(RunClient client, PointSet user, Runnable loaded) {
        this.client = client;
        this.user = user;
        this.loaded = loaded;
    }

    /** Row-major (x, y) points of the named data set (its first {@link #count} points count). */
    public float[] of(String dataset) {
        if (UserPoints.NAME.equals(dataset)) {
            return user.values();
        }
        float[] p = cache.get(dataset);
        if (p == null) {
            p = NONE;
            if (FileDatasets.contains(dataset)) {
                fetch(dataset);
            } else if (Datasets.isBuiltIn(dataset)) {
                p = new float[COUNT * SourceNoise.DIM];
                Datasets.byName(dataset).sample(new Rng(SEED), COUNT, p);
            }
            cache.put(dataset, p);
        }
        return p;
    }

    /** How many points {@link #of} gave for the data set: the user's set is longer than its points. */
    public int count(String dataset) {
        return UserPoints.NAME.equals(dataset) ? user.count() : of(dataset).length / SourceNoise.DIM;
    }

    /** Asks once: until the answer, and after a failure (reported as a page error), the data set shows no points. */
    private void fetch(String name) {
        client.datasetPoints(name, result -> PageErrors.guarded("data set " + name, () -> arrived(name, result)));
    }

    private void arrived(String name, HttpResult result) {
        if (!result.ok()) {
            PageErrors.report("could not load the points of data set " + name + ": HTTP " + result.status());
            return;
        }
        cache.put(name, FileDatasets.parse(result.body()));
        loaded.run();
    }
}
