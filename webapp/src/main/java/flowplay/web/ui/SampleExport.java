package flowplay.web.ui;

import flowplay.web.PageErrors;
import flowplay.web.sampling.SampleView;
import org.teavm.jso.JSBody;
import org.teavm.jso.dom.events.Event;
import org.teavm.jso.dom.html.HTMLElement;

/**
 * "Export samples (CSV)": {@code #export-samples} downloads the last drawing's samples in the CLI's CSV format. The CSV
 * is built only on click, never per drawing; the click also puts it in the hidden {@code <textarea id="samples-csv">}
 * (page contract: how the e2e tests read the samples).
 */
public final class SampleExport {
    private final HTMLElement target;
    private final SampleView view;

    public SampleExport(HTMLElement button, HTMLElement target, SampleView view) {
        this.target = target;
        this.view = view;
        button.addEventListener("click", (Event e) -> PageErrors.guarded("export samples", this::export));
    }

    private void export() {
        String csv = view.samplesCsv();
        Dom.setValue(target, csv);
        target.setAttribute("data-draw", view.draws());
        if (!csv.isEmpty()) {
            download(csv, "flowplay-samples.csv");
        }
    }

    @JSBody(params = {"text", "name"}, script = "var url = URL.createObjectURL(new Blob([text], {type: 'text/csv'}));"
            + "var a = document.createElement('a'); a.href = url; a.download = name; a.style.display = 'none';"
            + "document.body.appendChild(a); a.click(); a.remove();"
            + "setTimeout(function() { URL.revokeObjectURL(url); }, 10000);")
    private static native void download(String text, String name);
}
