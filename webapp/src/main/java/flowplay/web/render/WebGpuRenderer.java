package flowplay.web.render;

import org.teavm.jso.dom.html.HTMLCanvasElement;
import org.teavm.jso.webgpu.GPUDevice;

/**
 * Draws the scene with WebGPU on the page's {@link GpuPlot}: grid, data set, trajectories and samples as one render
 * pass. Errors do not throw here; they arrive on the device's {@code uncapturederror} event and {@code lost} promise,
 * which {@link RendererSelector} wires to the page's error report.
 */
public final class WebGpuRenderer implements Renderer {
    private static final float REFERENCE_SIZE = 3.0f;
    private static final float SAMPLE_SIZE = 3.4f;

    private final GpuCanvas target;
    private final float[] sampleColor = new float[4];

    public WebGpuRenderer(GpuPlot plot, HTMLCanvasElement canvas) {
        this.target = new GpuCanvas(plot, canvas);
    }

    @Override
    public String name() {
        return "webgpu";
    }

    @Override
    public void clear() {
        draw(new Scene());
    }

    @Override
    public void draw(Scene scene) {
        float pixel = target.pixel();
        target.begin(scene.halfExtent);
        target.grid();
        target.points(scene.reference, scene.referenceCount, scene.givenPoints ? Palette.POINTS : Palette.REFERENCE,
                REFERENCE_SIZE * pixel * (scene.givenPoints ? Palette.POINTS_SCALE : 1f));
        if (scene.hasTrajectories()) {
            addTrajectories(scene);
        }
        Palette.time(1, sampleColor, 0);
        sampleColor[3] = Palette.SAMPLE_ALPHA;
        target.points(scene.samples, scene.sampleCount, sampleColor, SAMPLE_SIZE * pixel);
        target.submit();
    }

    public GPUDevice device() {
        return target.plot().device();
    }

    /** The device's shared drawing resources, for the page's other WebGPU pictures. */
    public GpuPlot plot() {
        return target.plot();
    }

    /** Each segment from frame k to k+1 gets the colours of both ends, so the GPU blends time along the line. */
    private void addTrajectories(Scene s) {
        int segments = s.frames - 1;
        float[] colors = new float[s.frames * 3];
        for (int k = 0; k < s.frames; k++) {
            Palette.time((double) k / segments, colors, 3 * k);
        }
        float a = Palette.TRAJECTORY_ALPHA;
        float[] t = s.trajectory;
        int frame = s.stride * 2;
        for (int i = 0; i < s.paths; i++) {
            for (int k = 0; k < segments; k++) {
                int p = k * frame + 2 * i;
                int q = p + frame;
                target.lineEnd(t[p], t[p + 1], colors[3 * k], colors[3 * k + 1], colors[3 * k + 2], a);
                target.lineEnd(t[q], t[q + 1], colors[3 * k + 3], colors[3 * k + 4], colors[3 * k + 5], a);
            }
        }
    }
}
