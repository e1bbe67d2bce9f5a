package flowplay.web.bench;

import flowplay.web.ui.Dom;
import flowplay.web.ui.Format;
import org.teavm.jso.dom.html.HTMLElement;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code #bench-results}: one row per engine, {@code tr[data-engine]} with {@code data-state} (waiting, running, done,
 * unavailable, failed), {@code data-steps-per-second}, {@code data-seconds} (median), {@code data-runs} (each timed
 * run), {@code data-max-diff} (max |x − x_teavm-js| over the final points), {@code data-checksum} (Σ x over the final points),
 * {@code data-reps}, {@code data-warmup}, {@code data-note}, and once every engine
 * ended, {@code data-ratio-tfjs-wasm} / {@code data-ratio-tfjs-webgpu}. The page contract the runner and the tests read.
 */
final class BenchTable {
    static final String[] RATIO_TO = {"tfjs-wasm", "tfjs-webgpu"};

    private final HTMLElement body;
    private final List<Row> rows = new ArrayList<>();

    BenchTable(HTMLElement body) {
        this.body = body;
    }

    Row add(String engine) {
        Row row = new Row(engine);
        rows.add(row);
        body.appendChild(row.tr);
        return row;
    }

    Row row(String engine) {
        for (Row r : rows) {
            if (r.engine.equals(engine)) {
                return r;
            }
        }
        return null;
    }

    /** Fills the ratio columns from the finished rows. */
    void ratios() {
        for (int k = 0; k < RATIO_TO.length; k++) {
            Row peer = row(RATIO_TO[k]);
            double peerSpeed = peer == null ? Double.NaN : peer.speed;
            for (Row r : rows) {
                if (r.speed > 0 && peerSpeed > 0) {
                    double ratio = r.speed / peerSpeed;
                    r.tr.setAttribute("data-ratio-" + RATIO_TO[k], Double.toString(ratio));
                    Dom.setText(r.ratio[k], Format.fixed(ratio, 2) + "×");
                } else {
                    Dom.setText(r.ratio[k], "–");
                }
            }
        }
    }

    static final class Row {
        final String engine;
        final HTMLElement tr;
        private final HTMLElement state;
        private final HTMLElement speedCell;
        private final HTMLElement seconds;
        private final HTMLElement[] ratio = new HTMLElement[RATIO_TO.length];
        private final HTMLElement diff;
        private final HTMLElement note;
        double speed = Double.NaN;

        private Row(String engine) {
            this.engine = engine;
            tr = Dom.create("tr", null);
            tr.setAttribute("data-engine", engine);
            tr.setAttribute("data-state", "waiting");
            cell(engine);
            state = cell("waiting");
            speedCell = cell("");
            seconds = cell("");
            for (int k = 0; k < ratio.length; k++) {
                ratio[k] = cell("");
            }
            diff = cell("");
            note = cell("");
        }

        private HTMLElement cell(String text) {
            HTMLElement td = Dom.create("td", null);
            Dom.setText(td, text);
            tr.appendChild(td);
            return td;
        }

        void running(BenchWorkload w) {
            tr.setAttribute("data-reps", Integer.toString(w.reps));
            tr.setAttribute("data-warmup", Integer.toString(w.warmupSteps));
            state("running");
        }

        void done(BenchResult result, BenchWorkload w, double maxDiff) {
            speed = result.sampleStepsPerSecond(w);
            tr.setAttribute("data-steps-per-second", Double.toString(speed));
            tr.setAttribute("data-seconds", Double.toString(result.medianSeconds()));
            tr.setAttribute("data-runs", result.secondsList());
            tr.setAttribute("data-max-diff", Double.toString(maxDiff));
            tr.setAttribute("data-checksum", Double.toString(checksum(result.samples, w.points * 2)));
            tr.setAttribute("data-note", result.note);
            Dom.setText(speedCell, Format.fixed(speed, 0));
            StringBuilder runs = new StringBuilder();
            for (double s : result.seconds) {
                runs.append(runs.length() == 0 ? "" : ", ").append(Format.fixed(s, 3));
            }
            Dom.setText(seconds, Format.fixed(result.medianSeconds(), 3) + " (" + runs + ")");
            Dom.setText(diff, Double.isNaN(maxDiff) ? "–" : Format.significant(maxDiff, 3));
            Dom.setText(note, result.note);
            state("done");
        }

        /** Σ x over the final points: lets a test compare the page's run with the same workload on the JVM. */
        static double checksum(float[] samples, int count) {
            double sum = 0;
            for (int i = 0; i < Math.min(count, samples.length); i++) {
                sum += samples[i];
            }
            return sum;
        }

        void ended(String state, String message) {
            tr.setAttribute("data-note", message);
            Dom.setText(note, message);
            state(state);
        }

        private void state(String s) {
            tr.setAttribute("data-state", s);
            Dom.setText(state, s);
        }
    }
}
