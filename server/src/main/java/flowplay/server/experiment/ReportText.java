package flowplay.server.experiment;

import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/** The markdown of {@code report.md}: set-up, the verdict in words, then per data set its plots and tables. */
final class ReportText {
    private ReportText() {
    }

    static String markdown(WhyFastResults r, String command) {
        WhyFastConfig c = r.config();
        StringBuilder s = new StringBuilder("# Why fast? Straight paths need fewer sampling steps\n\n");
        s.append("Made by `").append(command).append("` in ").append(String.format(Locale.ROOT, "%.1f", r.seconds() / 60))
                .append(" min (engine ").append(r.engine()).append(", ").append(c.threads()).append(" threads).\n\n");
        s.append("## Set-up\n\n");
        s.append(String.format(Locale.ROOT, "Per data set and training seed (%s), three models with the same network (MLP 3-64-64-64-2, ELU,"
                + " input x and t), the same batches (256 per step), Adam lr 0.01 and the same budget of **%d training steps**; only what is"
                + " learned differs:%n%n", seedList(c.seeds()), c.stepsTrain()));
        s.append("| model | path x_t = α_t·x1 + σ_t·x0 | network predicts | loss weight |\n|---|---|---|---|\n");
        for (Recipe recipe : Recipe.ALL) {
            s.append("| ").append(recipe.label()).append(" | ").append(recipe.settings().get("scheduler")).append(" | ")
                    .append(recipe.settings().get("prediction")).append(" | ").append(recipe.settings().getOrDefault("lossWeight", "none"))
                    .append(" |\n");
        }
        s.append(String.format(Locale.ROOT, "%nEach model then samples the **same %d source points** x0 ~ N(0, I) with euler, midpoint,"
                + " heun and rk4 at NFE ∈ {1, 2, 4, 8, 16, 32, 64, 128} (a solver with k evaluations per step runs the NFEs divisible"
                + " by k). The score model is sampled through its probability-flow ODE (the score converted to a velocity) with every"
                + " solver, and with the stochastic Euler–Maruyama sampler (g = %s).%n%n", c.samples(), Report.number(c.noise())));
        s.append(String.format(Locale.ROOT, "- **Error**: mean |x − x_ref| over the points, where x_ref is the same noise solved by dopri5"
                + " (rtol = atol = %.0e) on the same model. Not defined for the stochastic sampler, whose paths do not converge to the"
                + " ODE's.%n", WhyFastConfig.REFERENCE_TOLERANCE));
        s.append(String.format(Locale.ROOT, "- **Distance to the data**: energy distance and sliced squared W2 (128 directions) to a fresh draw"
                + " of %d data points; *floor* is the energy distance between two fresh draws, what a perfect model would still show.%n",
                c.samples()));
        s.append("- **Straightness**: mean |x1 − x0|² / ∫|u|² dt along the rk4 trajectories at NFE 128 (32 steps); 1 means straight"
                + " lines at constant speed, which one Euler step integrates exactly.\n");
        s.append(String.format(Locale.ROOT, "- **dopri5 NFE**: the evaluations the adaptive reference solve needed at rtol = atol = %.0e,"
                + " the cost measure of Lipman et al. (2023).%n", WhyFastConfig.REFERENCE_TOLERANCE));
        s.append("- Models whose velocity or score is singular at an end (score prediction at t = 1) are solved on [0, 1 − 10⁻³],"
                + " the same interval for every solve of that model. Error bars and ± are one standard deviation over seeds.\n\n");
        s.append("## Verdict\n\n");
        List<Verdict.Need> needs = Verdict.needs(r);
        for (String line : Verdict.summary(r, needs)) {
            s.append(line).append('\n');
        }
        s.append("\nNFE needed to reach a mean error (interpolated in log–log between measured NFEs; \"> 128\" = not reached):\n\n");
        s.append("| data set | solver | error ≤ | FM-OT | FM-VP | score | OT/VP | OT/score | order OT ≤ VP ≤ score |\n");
        s.append("|---|---|---|---|---|---|---|---|---|\n");
        for (Verdict.Need n : needs) {
            s.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %s | %s | %s |%n", n.dataset(), n.solver(),
                    Report.number(n.target()), Report.number(n.ot()), Report.number(n.vp()), Report.number(n.score()),
                    ratio(n.ot(), n.vp()), ratio(n.ot(), n.score()), n.verdict()));
        }
        for (String dataset : c.datasets()) {
            dataset(s, r, dataset);
        }
        s.append("\n## Files\n\n`results.csv` (every cell and seed), `models.csv` (every trained model), `checkpoints/` (the trained"
                + " models as safetensors: sample any of them with `flowplay sample --checkpoint FILE`), and the SVG plots.\n");
        return s.toString();
    }

    private static void dataset(StringBuilder s, WhyFastResults r, String dataset) {
        s.append("\n## ").append(dataset).append("\n\n");
        s.append("![error vs NFE](error-").append(dataset).append(".svg)\n\n");
        s.append("![distance to the data vs NFE](distance-").append(dataset).append(".svg)\n\n");
        s.append("![samples at NFE 1, 2, 4, 8](samples-").append(dataset).append(".svg)\n\n");
        s.append("| model | dopri5 NFE | straightness | energy distance (dopri5) | floor | final loss |\n|---|---|---|---|---|---|\n");
        for (Recipe recipe : Recipe.ALL) {
            s.append("| ").append(recipe.label())
                    .append(" | ").append(spread(r.model(dataset, recipe.id(), ModelStats::referenceNfe)))
                    .append(" | ").append(spread(r.model(dataset, recipe.id(), ModelStats::straightness)))
                    .append(" | ").append(spread(r.model(dataset, recipe.id(), ModelStats::energy)))
                    .append(" | ").append(spread(r.model(dataset, recipe.id(), ModelStats::floor)))
                    .append(" | ").append(spread(r.model(dataset, recipe.id(), ModelStats::finalLoss))).append(" |\n");
        }
        table(s, r, dataset, "Error to the reference, mean |x − x_ref|", WhyFastResults.ERROR, false);
        table(s, r, dataset, "Energy distance to the data", WhyFastResults.ENERGY, true);
        table(s, r, dataset, "Sliced squared W2 to the data", WhyFastResults.SW2, true);
    }

    private static void table(StringBuilder s, WhyFastResults r, String dataset, String title, ToDoubleFunction<SweepPoint> measure,
            boolean withStochastic) {
        s.append("\n").append(title).append(":\n\n| model | solver |");
        for (int nfe : WhyFastConfig.NFES) {
            s.append(" NFE ").append(nfe).append(" |");
        }
        s.append("\n|---|---|").append("---|".repeat(WhyFastConfig.NFES.length)).append('\n');
        for (Recipe recipe : Recipe.ALL) {
            for (String solver : recipe.solvers()) {
                if (!withStochastic && WhyFastConfig.STOCHASTIC.equals(solver)) {
                    continue;
                }
                s.append("| ").append(recipe.id()).append(" | ").append(solver).append(" |");
                for (Spread v : r.curve(dataset, recipe.id(), solver, measure)) {
                    s.append(' ').append(v == null ? "" : spread(v)).append(" |");
                }
                s.append('\n');
            }
        }
    }

    private static String spread(Spread v) {
        return v.count() > 1 ? Report.number(v.mean()) + " ± " + Report.number(v.sd()) : Report.number(v.mean());
    }

    private static String ratio(double a, double b) {
        return Double.isFinite(a) && Double.isFinite(b) ? String.format(Locale.ROOT, "%.2f", a / b) : "—";
    }

    static String seedList(long[] seeds) {
        StringBuilder s = new StringBuilder();
        for (long seed : seeds) {
            s.append(s.length() == 0 ? "" : ", ").append(seed);
        }
        return "seeds " + s;
    }
}
