package flowplay.server.experiment;

import java.util.List;
import java.util.Locale;

/** The raw numbers of a run as CSV, full precision, one header line: what the report's tables are computed from. */
final class ResultsCsv {
    private ResultsCsv() {
    }

    static String points(List<SweepPoint> points) {
        StringBuilder s = new StringBuilder("dataset,model,seed,solver,nfe,steps,error,energy_distance,sliced_w2\n");
        for (SweepPoint p : points) {
            s.append(String.format(Locale.ROOT, "%s,%s,%d,%s,%d,%d,%s,%s,%s%n", p.dataset(), p.model(), p.seed(), p.solver(), p.nfe(),
                    p.steps(), value(p.error()), value(p.energy()), value(p.sw2())));
        }
        return s.toString();
    }

    static String models(List<ModelStats> models) {
        StringBuilder s = new StringBuilder(
                "dataset,model,seed,reference_nfe,straightness,energy_distance,sliced_w2,floor_energy_distance,train_seconds,final_loss\n");
        for (ModelStats m : models) {
            s.append(String.format(Locale.ROOT, "%s,%s,%d,%d,%s,%s,%s,%s,%.2f,%s%n", m.dataset(), m.model(), m.seed(), m.referenceNfe(),
                    value(m.straightness()), value(m.energy()), value(m.sw2()), value(m.floor()), m.trainSeconds(), value(m.finalLoss())));
        }
        return s.toString();
    }

    /** Empty for NaN (not measured), so a spreadsheet reads a blank rather than text. */
    private static String value(double v) {
        return Double.isNaN(v) ? "" : Double.toString(v);
    }
}
