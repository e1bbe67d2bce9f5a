package flowplay.e2e.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/** One {@code #bench-results} row as the page wrote it (see {@code flowplay.web.bench.BenchTable}). */
public record BenchRow(String engine, String state, double stepsPerSecond, double seconds, String runs, double maxDiff,
        String note) {

    public boolean ended() {
        return !state.equals("waiting") && !state.equals("running");
    }

    /** Every row of the page, in its order. */
    @SuppressWarnings("unchecked")
    public static List<BenchRow> read(WebDriver driver) {
        Object raw = ((JavascriptExecutor) driver).executeScript(
                "return Array.from(document.querySelectorAll('#bench-rows tr')).map(function (tr) {"
                        + "  var r = {}; for (var i = 0; i < tr.attributes.length; i++) { var a = tr.attributes[i];"
                        + "    if (a.name.indexOf('data-') === 0) { r[a.name.substring(5)] = a.value; } } return r; });");
        List<BenchRow> rows = new ArrayList<>();
        for (Object o : (List<Object>) raw) {
            Map<String, Object> m = (Map<String, Object>) o;
            rows.add(new BenchRow(str(m, "engine"), str(m, "state"), num(m, "steps-per-second"), num(m, "seconds"),
                    str(m, "runs"), num(m, "max-diff"), str(m, "note")));
        }
        return rows;
    }

    private static String str(Map<String, Object> m, String key) {
        Object v = m.get(key);
        return v == null ? "" : v.toString();
    }

    private static double num(Map<String, Object> m, String key) {
        Object v = m.get(key);
        if (v == null || v.toString().isEmpty()) {
            return Double.NaN;
        }
        try {
            return Double.parseDouble(v.toString());
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }
}
