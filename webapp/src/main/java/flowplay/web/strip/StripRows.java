package flowplay.web.strip;

import flowplay.web.ui.Dom;
import flowplay.web.ui.Format;
import java.util.List;
import org.teavm.jso.dom.html.HTMLElement;

/**
 * The strip's rows: {@code #strip} for the shown model, then one row per compared model ({@code #strip-second},
 * {@code #strip-third}), each with its own {@link PanelCache} (each row shows another model) and, during a pass, the
 * panels still to come and their sampling time. A row's {@code data-state} is idle, running or done.
 */
final class StripRows {
    private static final String[] IDS = {"strip", "strip-second", "strip-third"};

    private final HTMLElement[] rows = new HTMLElement[1 + ComparedModels.ROWS];
    private final PanelCache[] caches = new PanelCache[rows.length];
    private final int[] left = new int[rows.length];
    private final double[] millis = new double[rows.length];

    StripRows() {
        for (int r = 0; r < rows.length; r++) {
            rows[r] = Dom.create("div", "strip");
            rows[r].setAttribute("id", IDS[r]);
            rows[r].setAttribute("data-state", "idle");
            caches[r] = new PanelCache();
        }
    }

    /** The shown model's row, which also carries the strip's own attributes. */
    HTMLElement first() {
        return rows[0];
    }

    /** The compared models' rows go below their choices. */
    void appendOthers(HTMLElement card) {
        for (int r = 1; r < rows.length; r++) {
            card.appendChild(rows[r]);
        }
    }

    PanelCache cache(int row) {
        return caches[row];
    }

    /** Starts a pass: a pending panel per N in the first {@code 1 + labels.size()} rows, the others emptied. */
    void begin(List<String> labels, int[] steps, HTMLElement[] panels) {
        int used = 1 + labels.size();
        for (int r = 0; r < rows.length; r++) {
            millis[r] = 0;
            left[r] = r < used ? steps.length : 0;
            rows[r].removeAttribute("data-millis");
            if (r < used) {
                PanelFigure.fill(rows[r], panels, r * steps.length, steps);
            } else {
                PanelFigure.clear(rows[r]);
            }
            if (r > 0) {
                rows[r].setAttribute("data-state", r < used ? "running" : "idle");
                if (r < used) {
                    rows[r].setAttribute("data-model", labels.get(r - 1));
                } else {
                    rows[r].removeAttribute("data-model");
                }
            }
        }
        rows[0].setAttribute("data-state", "running");
    }

    /** A panel of row r is shown (its time counted unless it was kept); true when that completes the row. */
    boolean shown(int r, double panelMillis, boolean fromCache) {
        if (!fromCache) {
            millis[r] += panelMillis;
        }
        if (--left[r] > 0) {
            return false;
        }
        rows[r].setAttribute("data-state", "done");
        rows[r].setAttribute("data-millis", Format.fixed(millis[r], 1));
        return true;
    }

    boolean allDone() {
        for (int k : left) {
            if (k > 0) {
                return false;
            }
        }
        return true;
    }

    /** Sampling time of this pass, all rows. */
    double totalMillis() {
        double total = 0;
        for (double m : millis) {
            total += m;
        }
        return total;
    }
}
