package flowplay.server.experiment;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The claim put to the numbers: for each data set, solver and error target, the NFE each model needs (read off its
 * seed-mean error curve by {@link NfeToReach}), their ratios, and whether the order FM-OT ≤ FM-VP ≤ score holds.
 * Stated whatever the numbers are.
 */
final class Verdict {
    /** Mean |x − x_ref| targets, in data units (the built-in data sets span a few units). */
    static final double[] TARGETS = {0.1, 0.01};
    /** "Few steps" for the distance-to-data count. */
    static final int FEW = 8;

    /** One setting: NFE needed by FM-OT, FM-VP and score (Infinity = not within 128). */
    record Need(String dataset, String solver, double target, double ot, double vp, double score) {
        /** At least one model reached the target within the sweep: otherwise the setting says nothing either way. */
        boolean decided() {
            return Double.isFinite(ot) || Double.isFinite(vp) || Double.isFinite(score);
        }

        boolean otBeatsVp() {
            return ot <= vp && Double.isFinite(ot);
        }

        boolean orderHolds() {
            return otBeatsVp() && vp <= score;
        }

        String verdict() {
            return !decided() ? "no model reached it" : orderHolds() ? "holds" : "**does not hold**";
        }
    }

    private Verdict() {
    }

    static List<Need> needs(WhyFastResults r) {
        List<Need> out = new ArrayList<>();
        for (String dataset : r.config().datasets()) {
            for (String solver : WhyFastConfig.SOLVERS) {
                for (double target : TARGETS) {
                    out.add(new Need(dataset, solver, target, need(r, dataset, Recipe.FM_OT, solver, target),
                            need(r, dataset, Recipe.FM_VP, solver, target), need(r, dataset, Recipe.SCORE_VP, solver, target)));
                }
            }
        }
        return out;
    }

    private static double need(WhyFastResults r, String dataset, Recipe recipe, String solver, double target) {
        return NfeToReach.of(WhyFastConfig.NFES, WhyFastResults.means(r.curve(dataset, recipe.id(), solver, WhyFastResults.ERROR)), target);
    }

    /** The plain-words summary lines for the top of the report. */
    static List<String> summary(WhyFastResults r, List<Need> needs) {
        List<String> lines = new ArrayList<>();
        List<Need> decided = needs.stream().filter(Need::decided).toList();
        long ordered = decided.stream().filter(Need::orderHolds).count();
        long otFirst = decided.stream().filter(Need::otBeatsVp).count();
        lines.add(String.format(Locale.ROOT, "- FM-OT reached the error target with no more NFE than FM-VP in **%d of %d** settings "
                + "(data set × solver × target, leaving out %d that no model reached within 128 NFE), and the full order"
                + " FM-OT ≤ FM-VP ≤ score matching held in **%d of %d**.", otFirst, decided.size(), needs.size() - decided.size(),
                ordered, decided.size()));
        for (String solver : WhyFastConfig.SOLVERS) {
            lines.add(solverLine(solver, decided.stream().filter(n -> n.solver().equals(solver)).toList()));
        }
        List<Double> ratios = ratios(decided);
        if (!ratios.isEmpty()) {
            lines.add(String.format(Locale.ROOT, "- Over all settings where both reached the target, FM-OT needed **%.0f%%** of FM-VP's NFE"
                    + " (geometric mean of %d ratios; Lipman et al. 2023 report roughly 60%% on images).", 100 * geometricMean(ratios),
                    ratios.size()));
        }
        for (String dataset : r.config().datasets()) {
            Spread ot = r.model(dataset, Recipe.FM_OT.id(), ModelStats::referenceNfe);
            Spread vp = r.model(dataset, Recipe.FM_VP.id(), ModelStats::referenceNfe);
            Spread score = r.model(dataset, Recipe.SCORE_VP.id(), ModelStats::referenceNfe);
            lines.add(String.format(Locale.ROOT, "- %s, adaptive dopri5 at tolerance %.0e: FM-OT %.0f NFE, FM-VP %.0f, score %.0f"
                    + " (OT/VP = %.2f, OT/score = %.2f).", dataset, WhyFastConfig.REFERENCE_TOLERANCE, ot.mean(), vp.mean(), score.mean(),
                    ot.mean() / vp.mean(), ot.mean() / score.mean()));
        }
        lines.add(closestToData(r));
        return lines;
    }

    /** "- rk4: FM-OT needed fewer NFE than FM-VP in 6 of 6 settings, 43–76% of its NFE." */
    private static String solverLine(String solver, List<Need> needs) {
        long otFirst = needs.stream().filter(Need::otBeatsVp).count();
        List<Double> ratios = ratios(needs);
        String range = ratios.isEmpty() ? "" : String.format(Locale.ROOT, "; OT/VP NFE ratio %.2f–%.2f",
                ratios.stream().mapToDouble(Double::doubleValue).min().orElse(0), ratios.stream().mapToDouble(Double::doubleValue).max().orElse(0));
        return String.format(Locale.ROOT, "- %s: FM-OT needed no more NFE than FM-VP in %d of %d settings%s.", solver, otFirst, needs.size(), range);
    }

    private static List<Double> ratios(List<Need> needs) {
        List<Double> ratios = new ArrayList<>();
        for (Need n : needs) {
            if (Double.isFinite(n.ot()) && Double.isFinite(n.vp())) {
                ratios.add(n.ot() / n.vp());
            }
        }
        return ratios;
    }

    /**
     * What a user sees in the strip: at few steps, which model's samples are closest to the data (seed-mean energy
     * distance), counted over data sets, ODE solvers and the NFEs up to 8.
     */
    private static String closestToData(WhyFastResults r) {
        int[] wins = new int[Recipe.ALL.size()];
        int cells = 0;
        for (String dataset : r.config().datasets()) {
            for (String solver : WhyFastConfig.SOLVERS) {
                for (int i = 0; i < WhyFastConfig.NFES.length && WhyFastConfig.NFES[i] <= FEW; i++) {
                    int best = -1;
                    double bestValue = Double.POSITIVE_INFINITY;
                    for (int m = 0; m < Recipe.ALL.size(); m++) {
                        Spread v = r.curve(dataset, Recipe.ALL.get(m).id(), solver, WhyFastResults.ENERGY)[i];
                        if (v != null && v.mean() < bestValue) {
                            bestValue = v.mean();
                            best = m;
                        }
                    }
                    if (best >= 0) {
                        wins[best]++;
                        cells++;
                    }
                }
            }
        }
        return String.format(Locale.ROOT, "- Distance to the data at few steps (NFE ≤ %d, every data set and ODE solver, %d cells): the"
                + " samples closest to the data were FM-OT's in %d, FM-VP's in %d and score matching's in %d.", FEW, cells, wins[0],
                wins[1], wins[2]);
    }

    private static double geometricMean(List<Double> values) {
        double sum = 0;
        for (double v : values) {
            sum += Math.log(v);
        }
        return Math.exp(sum / values.size());
    }
}
