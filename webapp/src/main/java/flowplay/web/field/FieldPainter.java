package flowplay.web.field;

import flowplay.web.render.CanvasBox;
import flowplay.web.render.Palette;
import flowplay.web.render.ViewBox;
import org.teavm.jso.canvas.CanvasRenderingContext2D;
import org.teavm.jso.canvas.ImageData;
import org.teavm.jso.dom.html.HTMLCanvasElement;
import org.teavm.jso.typedarrays.Uint8ClampedArray;

/**
 * Paints a {@link FieldPicture} on the {@code #field-plot} canvas with Canvas2D, in the same colours and box as the main
 * plot. Canvas2D on every browser: the field view redraws at most one small picture per animation frame (576 arrows,
 * a 48×48 heatmap image, ~1000 points), which Canvas2D does well within a frame, and its pixels can be read back.
 */
public final class FieldPainter {
    private final HTMLCanvasElement canvas;
    private final CanvasRenderingContext2D g;
    private final float[] rgb = new float[3];
    private final CanvasBox box;
    /** The density grid as an image, one pixel per cell, reused while the grid size stays. */
    private HTMLCanvasElement cells;

    public FieldPainter(HTMLCanvasElement canvas) {
        this.canvas = canvas;
        this.box = new CanvasBox(canvas, ViewBox.HALF_EXTENT);
        this.g = (CanvasRenderingContext2D) canvas.getContext("2d");
        if (g == null) {
            throw new IllegalStateException("the #field-plot canvas has no 2d context");
        }
    }

    public void paint(FieldPicture p) {
        box.halfExtent(p.halfExtent);
        g.setFillStyle(Palette.css(Palette.BACKGROUND[0], Palette.BACKGROUND[1], Palette.BACKGROUND[2], 1f));
        g.fillRect(0, 0, canvas.getWidth(), canvas.getHeight());
        if (p.density != null) {
            heatmap(p.density);
        }
        box.grid(g);
        box.points(g, p.faint, p.faintCount, Palette.css(Palette.REFERENCE), 1.6 * box.pixel());
        Palette.time(p.pointTime, rgb, 0);
        box.points(g, p.points, p.pointCount, Palette.css(rgb[0], rgb[1], rgb[2], Palette.SAMPLE_ALPHA), 2.2 * box.pixel());
        if (p.arrows != null) {
            arrows(p.arrows, p.tUsed);
        }
    }

    /**
     * One pixel per grid cell in a small image, stretched over the box with smoothing: the browser interpolates between
     * cell centres, so the heatmap looks continuous instead of blocky. Square-root scale: the density spans orders of
     * magnitude and a linear scale shows only its peaks.
     */
    private void heatmap(DensityMap d) {
        int m = d.grid().size();
        if (cells == null || cells.getWidth() != m) {
            cells = (HTMLCanvasElement) canvas.getOwnerDocument().createElement("canvas");
            cells.setWidth(m);
            cells.setHeight(m);
        }
        ImageData image = ImageData.create(m, m);
        Uint8ClampedArray rgba = image.getData();
        float[] p = d.density();
        for (int row = 0; row < m; row++) {
            int top = m - 1 - row; // grid row 0 is the bottom, image row 0 the top
            for (int col = 0; col < m; col++) {
                double v = d.max() > 0 ? Math.sqrt(p[row * m + col] / d.max()) : 0;
                Palette.time(v, rgb, 0);
                int o = 4 * (top * m + col);
                rgba.set(o, Math.round(255 * rgb[0]));
                rgba.set(o + 1, Math.round(255 * rgb[1]));
                rgba.set(o + 2, Math.round(255 * rgb[2]));
                // Opacity grows from 0 with the density, so the map fades into the background without an edge.
                rgba.set(o + 3, (int) Math.round(255 * Math.min(0.9, 2 * v)));
            }
        }
        ((CanvasRenderingContext2D) cells.getContext("2d")).putImageData(image, 0, 0);
        double x = box.sx(d.grid().halfExtent() * -1);
        double y = box.sy(d.grid().halfExtent());
        double size = d.grid().halfExtent() / box.halfExtent() * canvas.getWidth();
        g.drawImage(cells, x, y, size, size);
    }

    /** Shafts in one path, then heads as dots: two strokes for all arrows instead of one per arrow. */
    private void arrows(Arrows a, double t) {
        Palette.time(t, rgb, 0);
        String colour = Palette.css(rgb[0], rgb[1], rgb[2], 0.9f);
        float[] s = a.segments();
        g.setLineWidth(1.2 * box.pixel());
        g.setStrokeStyle(colour);
        g.beginPath();
        for (int i = 0; i < a.count(); i++) {
            g.moveTo(box.sx(s[4 * i]), box.sy(s[4 * i + 1]));
            g.lineTo(box.sx(s[4 * i + 2]), box.sy(s[4 * i + 3]));
        }
        g.stroke();
        g.setFillStyle(colour);
        double size = 3 * box.pixel();
        for (int i = 0; i < a.count(); i++) {
            g.fillRect(box.sx(s[4 * i + 2]) - size / 2, box.sy(s[4 * i + 3]) - size / 2, size, size);
        }
    }
}
