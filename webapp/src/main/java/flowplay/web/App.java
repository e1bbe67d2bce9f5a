package flowplay.web;

import flowplay.web.digits.DigitsPanel;
import flowplay.web.field.FieldView;
import flowplay.web.gpu.SamplerRoute;
import flowplay.web.inpaint.InpaintView;
import flowplay.web.net.RunClient;
import flowplay.web.points.DrawTool;
import flowplay.web.points.PointSet;
import flowplay.web.points.PointsPanel;
import flowplay.web.render.GpuPlot;
import flowplay.web.render.RendererSelector;
import flowplay.web.render.WebGpuRenderer;
import flowplay.web.sampling.SampleView;
import flowplay.web.strip.StripView;
import flowplay.web.ui.CheckpointLoader;
import flowplay.web.ui.Dom;
import flowplay.web.ui.DownloadLink;
import flowplay.web.ui.PlotExport;
import flowplay.web.ui.Pretrained;
import flowplay.web.ui.Timeline;
import flowplay.web.ui.LinkedModel;
import flowplay.web.ui.LossChart;
import flowplay.web.ui.RendererBadge;
import flowplay.web.ui.RunStatus;
import flowplay.web.ui.SamplerBadge;
import flowplay.web.ui.SampleExport;
import flowplay.web.ui.SettingsForm;
import flowplay.web.ui.StatsView;
import org.teavm.jso.dom.html.HTMLCanvasElement;

/**
 * Wires the page: settings table → controls and URL hash ({@link SettingsForm}); Train → run on the server → stream of
 * progress and checkpoints ({@link RunSession}) → core sampler on fixed noise → renderer and {@code #stats}
 * ({@link SampleView}); the user's own points, uploaded or drawn on the plot ({@link PointsPanel}, {@link DrawTool}).
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
        PointSet points = new PointSet();
        HTMLCanvasElement plot = (HTMLCanvasElement) Dom.query("canvas#plot");
        SampleView view = new SampleView(settings, new StatsView(Dom.byId("stats")), plot, points, new RunClient());
        settings.setListener(view);
        StripView strip = new StripView(Dom.byId("views"), settings, view);
        view.addModelListener(strip);
        settings.addListener(strip);
        PointsPanel panel = new PointsPanel(Dom.byId("points-file"), Dom.byId("clear-points"), Dom.byId("points-message"), points,
                settings, view::pointsEdited);
        new DrawTool(plot, Dom.byId("draw-points"), points, view::halfExtent, panel);
        DownloadLink link = new DownloadLink(Dom.byId("download-checkpoint"), settings);
        CheckpointLoader loader = new CheckpointLoader(Dom.byId("checkpoint-file"), Dom.byId("load-message"), view, link);
        new SampleExport(Dom.byId("export-samples"), Dom.byId("samples-csv"), view);
        RunSession session = new RunSession(settings, view, status, chart, Dom.byId("train"), Dom.byId("cancel"), points);
        // Session controls: timeline over the run's checkpoints, exports, the checkpoint link, bundled models.
        Timeline timeline = new Timeline(Dom.byId("timeline"), Dom.byId("timeline-step"), new RunClient(), view, link);
        session.setStateListener(timeline::follow);
        new PlotExport(plot, view);
        strip.usePretrained(new Pretrained(Dom.byId("pretrained"), loader, link));
        FieldView field = new FieldView(Dom.byId("views"), view, settings);
        new InpaintView(Dom.byId("views"), view, settings); // 2-D inpainting, shown for mask models only
        // A digits (64-D) model takes the 2-D picture's place (issue 8).
        DigitsPanel digits = new DigitsPanel(Dom.query("section.view"), Dom.query("main.layout"), settings, new RunClient());
        view.useImageModels(digits);
        digits.useWorkers(strip.workers());
        settings.addListener(digits);
        LinkedModel.restore(settings, loader, link);
        // The main picture's samples come from WebGPU compute on the renderer's device when there is one.
        SamplerRoute route = new SamplerRoute(new SamplerBadge(Dom.byId("sampler-path")), settings.samplerMode());
        view.useSamplerRoute(route);
        strip.useSamplerRoute(route);
        String[] noGpu = {"the renderer is Canvas2D"};
        RendererSelector.select(plot, settings.forcesCanvas2d(), renderer -> PageErrors.guarded("renderer", () -> {
            badge.show(renderer);
            // The field view and the strip draw on the renderer's device too, with its pipelines.
            GpuPlot gpu = renderer instanceof WebGpuRenderer ? ((WebGpuRenderer) renderer).plot() : null;
            route.useDevice(gpu == null ? null : gpu.device(), "Canvas2D: " + noGpu[0]);
            view.useRenderer(renderer);
            field.useGpu(gpu);
            strip.useGpu(gpu);
        }), reason -> {
            noGpu[0] = reason;
            badge.fallbackReason(reason);
        });
    }
}
