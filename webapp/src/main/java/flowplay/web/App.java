package flowplay.web;

import flowplay.web.render.RendererSelector;
import flowplay.web.sampling.SampleView;
import flowplay.web.ui.CheckpointLoader;
import flowplay.web.ui.Dom;
import flowplay.web.ui.LossChart;
import flowplay.web.ui.RendererBadge;
import flowplay.web.ui.RunStatus;
import flowplay.web.ui.SampleExport;
import flowplay.web.ui.SettingsForm;
import flowplay.web.ui.StatsView;
import org.teavm.jso.dom.html.HTMLCanvasElement;

/**
 * Wires the page: settings table → controls and URL hash ({@link SettingsForm}); Train → run on the server → stream of
 * progress and checkpoints ({@link RunSession}) → core sampler on fixed noise → renderer and {@code #stats}
 * ({@link SampleView}).
 */
public final class App {
    private App() {
    }

    public static void main(String[] args) {
        PageErrors.install();
        PageErrors.guarded("start-up", App::start);
    }

    private static void start() {
        RunStatus status = new RunStatus(Dom.byId("run-state"), Dom.byId("run-progress"), Dom.byId("run-message"));
        LossChart chart = new LossChart((HTMLCanvasElement) Dom.byId("loss"));
        RendererBadge badge = new RendererBadge(Dom.byId("renderer"));
        SettingsForm settings = new SettingsForm(Dom.byId("train-controls"), Dom.byId("sample-controls"),
                Dom.byId("notice"), Dom.byId("sample-message"));
        SampleView view = new SampleView(settings, new StatsView(Dom.byId("stats")));
        settings.setListener(view);
        new CheckpointLoader(Dom.byId("checkpoint-file"), Dom.byId("load-message"), view);
        new SampleExport(Dom.byId("export-samples"), Dom.byId("samples-csv"), view);
        new RunSession(settings, view, status, chart, Dom.byId("train"), Dom.byId("cancel"));
        RendererSelector.select((HTMLCanvasElement) Dom.query("canvas#plot"), settings.forcesCanvas2d(), renderer -> {
            badge.show(renderer);
            view.useRenderer(renderer);
        }, badge::fallbackReason);
    }
}
