package flowplay.core.settings;

import flowplay.core.model.Activation;

/** The validated training settings, typed. */
public record TrainConfig(String dataset, int steps, int batch, double lr, long seed, int width, int depth, Activation activation,
                          int checkpointEvery) {
    public static TrainConfig from(SettingValues v) {
        return new TrainConfig(v.getString("dataset"), v.getInt("steps"), v.getInt("batch"), v.getDouble("lr"), v.getLong("seed"),
                v.getInt("width"), v.getInt("depth"), Activation.parse(v.getString("activation")), v.getInt("checkpointEvery"));
    }

    /** concat(x, t) in, {@code depth} hidden layers of {@code width}, a velocity in R^dim out. */
    public int[] layerSizes(int dim) {
        int[] sizes = new int[depth + 2];
        sizes[0] = dim + 1;
        for (int i = 1; i <= depth; i++) {
            sizes[i] = width;
        }
        sizes[depth + 1] = dim;
        return sizes;
    }
}
