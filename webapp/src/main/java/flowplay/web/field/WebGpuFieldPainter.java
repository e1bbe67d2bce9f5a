package flowplay.web.field;

import flowplay.web.render.GpuCanvas;
import flowplay.web.render.GpuHeatmap;
import flowplay.web.render.GpuPlot;
import flowplay.web.render.Palette;
import org.teavm.jso.dom.html.HTMLCanvasElement;

/**
 * The field view on the page's WebGPU device, with the main plot's pipelines: the heatmap as a linearly filtered
 * texture, the grid and arrow shafts as lines, points and arrow heads as discs. Discs are drawn a little larger than
 * Canvas2D's squares, whose corners cover more of a pixel at these sizes.
 */
final class WebGpuFieldPainter implements FieldPainter {
    private static final float FAINT_SIZE = 2.4f;
    private static final float POINT_SIZE = 3.0f;
    private static final float HEAD_SIZE = 3.6f;

    private final GpuCanvas target;
    private final GpuHeatmap heatmap;
    private final HeatmapImage image = new HeatmapImage();
    private final float[] colour = new float[4];

    /** Takes the canvas's webgpu context: the canvas must not have given out a 2d one. */
    WebGpuFieldPainter(GpuPlot plot, HTMLCanvasElement canvas) {
        this.target = new GpuCanvas(plot, canvas);
        this.heatmap = new GpuHeatmap(plot);
    }

    @Override
    public String name() {
        return "webgpu";
    }

    @Override
    public void paint(FieldPicture p) {
        float pixel = target.pixel();
        target.begin(p.halfExtent);
        if (p.density != null) {
            heatmap.update(image.of(p.density), p.density.grid().size(), p.density.grid().halfExtent());
            target.heatmap(heatmap);
        }
        target.grid();
        target.points(p.faint, p.faintCount, Palette.REFERENCE, FAINT_SIZE * pixel);
        Palette.time(p.pointTime, colour, 0);
        colour[3] = Palette.SAMPLE_ALPHA;
        target.points(p.points, p.pointCount, colour, POINT_SIZE * pixel);
        if (p.arrows != null) {
            arrows(p.arrows, p.tUsed, pixel);
        }
        target.submit();
    }

    private void arrows(Arrows a, double t, float pixel) {
        Palette.time(t, colour, 0);
        colour[3] = Arrows.ALPHA;
        float[] s = a.segments();
        for (int i = 0; i < a.count(); i++) {
            target.lineEnd(s[4 * i], s[4 * i + 1], colour[0], colour[1], colour[2], colour[3]);
            target.lineEnd(s[4 * i + 2], s[4 * i + 3], colour[0], colour[1], colour[2], colour[3]);
        }
        float[] heads = new float[2 * a.count()];
        for (int i = 0; i < a.count(); i++) {
            heads[2 * i] = s[4 * i + 2];
            heads[2 * i + 1] = s[4 * i + 3];
        }
        target.points(heads, a.count(), colour, HEAD_SIZE * pixel);
    }
}
