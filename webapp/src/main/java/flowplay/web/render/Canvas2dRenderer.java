package flowplay.web.render;

import org.teavm.jso.canvas.CanvasRenderingContext2D;
import org.teavm.jso.dom.html.HTMLCanvasElement;

/** The fallback renderer: works in every browser, and its pixels can be read back (WebGPU's cannot after presentation). */
public final class Canvas2dRenderer implements Renderer {
    private final HTMLCanvasElement canvas;
    /** The box of the scene being drawn; the grid of an empty canvas uses the default box. */
    private final CanvasBox box;
    private final CanvasRenderingContext2D g;
    private final float[] rgb = new float[3];

    public Canvas2dRenderer(HTMLCanvasElement canvas) {
        this.canvas = canvas;
        this.box = new CanvasBox(canvas, ViewBox.HALF_EXTENT);
        this.g = (CanvasRenderingContext2D) canvas.getContext("2d");
        if (g == null) {
            throw new IllegalStateException("the #plot canvas has no 2d context");
        }
    }

    @Override
    public String name() {
        return "canvas2d";
    }

    @Override
    public void clear() {
        g.setFillStyle(Palette.css(Palette.BACKGROUND[0], Palette.BACKGROUND[1], Palette.BACKGROUND[2], 1f));
        g.fillRect(0, 0, canvas.getWidth(), canvas.getHeight());
        box.grid(g);
    }

    @Override
    public void draw(Scene scene) {
        box.halfExtent(scene.halfExtent);
        clear();
        double px = box.pixel();
        box.points(g, scene.reference, scene.referenceCount, Palette.css(scene.givenPoints ? Palette.POINTS : Palette.REFERENCE),
                1.8 * px * (scene.givenPoints ? Palette.POINTS_SCALE : 1));
        if (scene.hasTrajectories()) {
            drawTrajectories(scene);
        }
        Palette.time(1, rgb, 0);
        box.points(g, scene.samples, scene.sampleCount, Palette.css(rgb[0], rgb[1], rgb[2], Palette.SAMPLE_ALPHA), 2.0 * px);
    }

    /** One path per time step, so the colour (time) changes along each trajectory at a cost of frames − 1 strokes. */
    private void drawTrajectories(Scene s) {
        g.setLineWidth(box.pixel());
        for (int k = 0; k + 1 < s.frames; k++) {
            Palette.time((k + 0.5) / (s.frames - 1), rgb, 0);
            g.setStrokeStyle(Palette.css(rgb[0], rgb[1], rgb[2], Palette.TRAJECTORY_ALPHA));
            g.beginPath();
            int a = k * s.stride * 2;
            int b = (k + 1) * s.stride * 2;
            for (int i = 0; i < s.paths; i++) {
                g.moveTo(box.sx(s.trajectory[a + 2 * i]), box.sy(s.trajectory[a + 2 * i + 1]));
                g.lineTo(box.sx(s.trajectory[b + 2 * i]), box.sy(s.trajectory[b + 2 * i + 1]));
            }
            g.stroke();
        }
    }
}
