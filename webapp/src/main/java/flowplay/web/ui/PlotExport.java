package flowplay.web.ui;

import flowplay.web.PageErrors;
import flowplay.web.sampling.SampleView;
import org.teavm.jso.JSBody;
import org.teavm.jso.dom.events.Event;
import org.teavm.jso.dom.html.HTMLElement;

/**
 * "Export PNG" and "Export trajectories (CSV)". The PNG is the {@code #plot} canvas redrawn and captured in the same
 * task (a presented WebGPU frame reads back transparent). Like {@link SampleExport}, each click also leaves what it
 * downloads in a hidden textarea for the e2e tests: {@code #png-data} (a data: URL) and {@code #trajectories-csv}.
 */
public final class PlotExport {
    private final HTMLElement plot;
    private final SampleView view;

    public PlotExport(HTMLElement plot, SampleView view) {
        this.plot = plot;
        this.view = view;
        Dom.byId("export-png").addEventListener("click", (Event e) -> PageErrors.guarded("export PNG", this::png));
        Dom.byId("export-trajectories").addEventListener("click",
                (Event e) -> PageErrors.guarded("export trajectories", this::trajectories));
    }

    private void png() {
        HTMLElement target = Dom.byId("png-data");
        String url = view.redrawNow() ? dataUrl(plot) : "";
        Dom.setValue(target, url);
        target.setAttribute("data-draw", view.draws());
        if (!url.isEmpty()) {
            download(url, "flowplay-plot.png");
        }
    }

    private void trajectories() {
        HTMLElement target = Dom.byId("trajectories-csv");
        String csv = view.trajectoriesCsv();
        Dom.setValue(target, csv);
        target.setAttribute("data-draw", view.draws());
        if (!csv.isEmpty()) {
            download(csvUrl(csv), "flowplay-trajectories.csv");
        }
    }

    @JSBody(params = "canvas", script = "return canvas.toDataURL('image/png');")
    private static native String dataUrl(HTMLElement canvas);

    @JSBody(params = "text", script = "var url = URL.createObjectURL(new Blob([text], {type: 'text/csv'}));"
            + "setTimeout(function() { URL.revokeObjectURL(url); }, 10000); return url;")
    private static native String csvUrl(String text);

    @JSBody(params = {"url", "name"}, script = "var a = document.createElement('a'); a.href = url; a.download = name;"
            + "a.style.display = 'none'; document.body.appendChild(a); a.click(); a.remove();")
    private static native void download(String url, String name);
}
