package flowplay.server.data;

import flowplay.core.data.Dataset;
import flowplay.core.data.Datasets;
import flowplay.core.data.DigitImages;
import flowplay.core.data.FileDatasets;
import flowplay.core.data.PointsDataset;
import flowplay.core.data.UserPoints;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a run trains on, resolved from the {@code dataset} setting: a built-in sampled in code, a shipped file data
 * set, the shipped digits (training split), or the user's own points (given with the run). Point sets become a {@link PointsDataset} with their jitter,
 * and are named in the checkpoint's training metadata by their count and hash (never the points themselves).
 *
 * @param points the fixed points behind the data set, or null for a built-in
 */
public record TrainingData(Dataset dataset, float[] points) {
    /** Checkpoint metadata key: how many points the data set has. */
    public static final String KEY_COUNT = "pointsCount";
    /** Checkpoint metadata key: {@link PointsText#sha256} of the points. */
    public static final String KEY_SHA256 = "pointsSha256";

    /**
     * @param userPoints the points sent with the run, required for (and only used by) {@code dataset = points}
     * @throws IllegalArgumentException for an unknown name, or {@code points} without points
     */
    public static TrainingData of(String dataset, float[] userPoints) {
        if (Datasets.isBuiltIn(dataset)) {
            return new TrainingData(Datasets.byName(dataset), null);
        }
        if (DigitImages.NAME.equals(dataset)) {
            return new TrainingData(new DigitImages(DigitsFile.shipped()), null);
        }
        if (FileDatasets.contains(dataset)) {
            float[] points = TrainingFiles.shipped().points(dataset);
            return new TrainingData(new PointsDataset(points, FileDatasets.JITTER), points);
        }
        if (UserPoints.NAME.equals(dataset)) {
            if (userPoints == null) {
                throw new IllegalArgumentException("dataset " + UserPoints.NAME + " needs the points to train on");
            }
            return new TrainingData(new PointsDataset(userPoints, UserPoints.JITTER), userPoints);
        }
        throw new IllegalArgumentException("unknown data set '" + dataset + "'; one of " + String.join(", ", Datasets.choices()));
    }

    /** The settings plus, for a point set, {@value #KEY_COUNT} and {@value #KEY_SHA256}: the checkpoint's training metadata. */
    public Map<String, String> metadata(Map<String, String> settings) {
        Map<String, String> meta = new LinkedHashMap<>(settings);
        if (points != null) {
            meta.put(KEY_COUNT, Integer.toString(points.length / 2));
            meta.put(KEY_SHA256, PointsText.sha256(points));
        }
        return meta;
    }
}
