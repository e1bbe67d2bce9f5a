package flowplay.server.experiment;

import flowplay.server.runs.AtomicFiles;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * Writes a run's {@code report.md} with its plots (SVG) and the raw numbers ({@code results.csv}: one row per sweep cell
 * and seed; {@code models.csv}: one row per trained model), so that every table can be recomputed from the files.
 */
public final class Report {
    private static final String[] COLOURS = {"#2563eb", "#dc2626", "#16a34a"};
    private static final String STOCHASTIC_COLOUR = "#a16207";

    private Report() {
    }

    /** Writes everything into {@code dir}; returns the report's text. */
    public static String write(WhyFastResults r, Path dir, String command) throws IOException {
        for (String dataset : r.config().datasets()) {
            save(dir.resolve("error-" + dataset + ".svg"), errorChart(r, dataset));
            save(dir.resolve("distance-" + dataset + ".svg"), distanceChart(r, dataset));
            save(dir.resolve("samples-" + dataset + ".svg"), sampleGrid(r, dataset));
        }
        save(dir.resolve("results.csv"), ResultsCsv.points(r.points()));
        save(dir.resolve("models.csv"), ResultsCsv.models(r.models()));
        String text = ReportText.markdown(r, command);
        save(dir.resolve("report.md"), text);
        return text;
    }

    static String errorChart(WhyFastResults r, String dataset) {
        List<LogLogChart.Panel> panels = new ArrayList<>();
        for (String solver : WhyFastConfig.SOLVERS) {
            panels.add(new LogLogChart.Panel(solver, series(r, dataset, solver, WhyFastResults.ERROR), Double.NaN));
        }
        return LogLogChart.svg(dataset + ": error to the reference solve vs NFE (mean ± sd over seeds)", "mean |x − x_ref|", panels);
    }

    static String distanceChart(WhyFastResults r, String dataset) {
        double floor = r.models().stream().filter(m -> m.dataset().equals(dataset)).mapToDouble(ModelStats::floor).average().orElse(Double.NaN);
        List<LogLogChart.Panel> panels = new ArrayList<>();
        for (String solver : WhyFastConfig.SOLVERS) {
            List<LogLogChart.Series> series = series(r, dataset, solver, WhyFastResults.ENERGY);
            if ("euler".equals(solver)) {
                series.add(new LogLogChart.Series(stochasticLabel(r), STOCHASTIC_COLOUR,
                        r.curve(dataset, Recipe.SCORE_VP.id(), WhyFastConfig.STOCHASTIC, WhyFastResults.ENERGY)));
            }
            panels.add(new LogLogChart.Panel(solver + ("euler".equals(solver) ? " (and em)" : ""), series, floor));
        }
        return LogLogChart.svg(dataset + ": energy distance to the data vs NFE (mean ± sd over seeds)", "energy distance", panels);
    }

    /** One line per recipe, in the recipe's colour. */
    private static List<LogLogChart.Series> series(WhyFastResults r, String dataset, String solver, ToDoubleFunction<SweepPoint> measure) {
        List<LogLogChart.Series> series = new ArrayList<>();
        for (int i = 0; i < Recipe.ALL.size(); i++) {
            Recipe recipe = Recipe.ALL.get(i);
            series.add(new LogLogChart.Series(recipe.label(), COLOURS[i], r.curve(dataset, recipe.id(), solver, measure)));
        }
        return series;
    }

    static String sampleGrid(WhyFastResults r, String dataset) {
        List<SampleGrid.Row> rows = new ArrayList<>();
        for (Recipe recipe : Recipe.ALL) {
            rows.add(gridRow(r, dataset, recipe, "euler", recipe.label().replaceAll(" \\(.*", "") + ", euler"));
        }
        rows.add(gridRow(r, dataset, Recipe.SCORE_VP, WhyFastConfig.STOCHASTIC, "Score · VP, em (g = " + number(r.config().noise()) + ")"));
        return SampleGrid.svg(dataset + ": samples from the same noise, seed " + r.config().seeds()[0], r.data().get(dataset), rows);
    }

    static String stochasticLabel(WhyFastResults r) {
        return "Score · VP, em SDE (g = " + number(r.config().noise()) + ")";
    }

    private static SampleGrid.Row gridRow(WhyFastResults r, String dataset, Recipe recipe, String solver, String label) {
        float[][] samples = new float[WhyFastConfig.GRID_NFES.length][];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = r.gridSamples().get(dataset + "/" + recipe.id() + "/" + solver + "@" + WhyFastConfig.GRID_NFES[i]);
        }
        return new SampleGrid.Row(label, samples);
    }

    /** Three significant digits, plain for moderate magnitudes and scientific otherwise; "—" for NaN. */
    static String number(double v) {
        if (Double.isNaN(v)) {
            return "—";
        }
        if (Double.isInfinite(v)) {
            return "> " + WhyFastConfig.NFES[WhyFastConfig.NFES.length - 1];
        }
        double a = Math.abs(v);
        if (a != 0 && (a < 1e-3 || a >= 1e5)) {
            return String.format(Locale.ROOT, "%.2e", v);
        }
        String s = String.format(Locale.ROOT, "%.3g", v);
        return s.contains(".") && !s.contains("e") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
    }

    private static void save(Path file, String text) throws IOException {
        AtomicFiles.write(file, text.getBytes(StandardCharsets.UTF_8));
    }
}
