package flowplay.server.api;

import flowplay.core.data.Datasets;
import flowplay.core.data.DigitImages;
import flowplay.core.data.FileDatasets;
import flowplay.server.data.DigitsFile;
import flowplay.server.data.DigitsText;
import flowplay.server.data.PointsText;
import flowplay.server.data.TrainingFiles;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

/**
 * {@code GET /api/datasets/{name}}: the points of a file data set as CSV ({@code x,y} lines, no header), so the
 * browser can draw them; built-ins are sampled in code and have no file. {@code digits} is the shipped UCI digits in
 * the text {@code Digits.parse} reads (64 grey levels then the label per line), all 1797 of them: the page inpaints the
 * held-out ones, [{@link DigitImages#TRAIN_COUNT}, 1797).
 */
final class DatasetsApi {
    private static final String ALLOWED = "one of " + String.join(", ", FileDatasets.NAMES) + ", " + DigitImages.NAME;
    /** Written once from the checked file; about 270 KB, which the browser caches like the point files. */
    private volatile String digitsCsv;

    void register(RoutesConfig routes) {
        routes.get("/api/datasets/{name}", this::points);
    }

    private void points(Context ctx) {
        String name = ctx.pathParam("name");
        if (DigitImages.NAME.equals(name)) {
            ctx.contentType("text/csv").header("Cache-Control", "max-age=3600").result(digits());
            return;
        }
        float[] xy = FileDatasets.contains(name) ? TrainingFiles.shipped().points(name) : null;
        if (xy == null) {
            String why = Datasets.isBuiltIn(name) ? "data set " + name + " is built in (sampled in code): it has no file"
                    : "no file data set " + shorten(name);
            throw new ApiException(404, why, "name", ALLOWED);
        }
        ctx.contentType("text/csv").header("Cache-Control", "max-age=3600").result(PointsText.csv(xy));
    }

    private String digits() {
        String csv = digitsCsv;
        if (csv == null) {
            csv = DigitsText.csv(DigitsFile.shipped());
            digitsCsv = csv;
        }
        return csv;
    }

    private static String shorten(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }
}
