package flowplay.web.field;

import flowplay.web.render.CanvasBox;
import flowplay.web.render.Palette;
import flowplay.web.render.ViewBox;
import org.teavm.jso.canvas.CanvasRenderingContext2D;
import org.teavm.jso.canvas.ImageData;
import org.teavm.jso.dom.html.HTMLCanvasElement;
import org.teavm.jso.typedarrays.Uint8ClampedArray;

/** The field view on Canvas2D, where the page has no WebGPU: squares for points, one path for all arrow shafts. */
final class Canvas2dFieldPainter implements FieldPainter {
    private final HTMLCanvasElement canvas;
    private final CanvasRenderingContext2D g;
    private final float[] rgb = new float[3];
    private final CanvasBox box;
    private final HeatmapImage image = new HeatmapImage();
    /** The density grid as an image, one pixel per cell, reused while the grid size stays. */
    private HTMLCanvasElement cells;

    Canvas2dFieldPainter(HTMLCanvasElement canvas) {
        this.canvas = canvas;
        this.box = new CanvasBox(canvas, ViewBox.HALF_EXTENT);
        this.g = (CanvasRenderingContext2D) canvas.getContext("2d");
        if (g == null) {
            throw new IllegalStateException("the #field-plot canvas has no 2d context");
        }
    }

    @Override
    public String name() {
        return "canvas2d";
    }

    @Override
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

    /** The browser interpolates between cell centres, so the heatmap looks continuous instead of blocky. */
    private void heatmap(DensityMap d) {
        int m = d.grid().size();
        if (cells == null || cells.getWidth() != m) {
            cells = (HTMLCanvasElement) canvas.getOwnerDocument().createElement("canvas");
            cells.setWidth(m);
            cells.setHeight(m);
        }
        ImageData pixels = ImageData.create(m, m);
        Uint8ClampedArray rgba = pixels.getData();
        byte[] colours = image.of(d);
        for (int i = 0; i < colours.length; i++) {
            rgba.set(i, colours[i] & 0xff);
        }
        ((CanvasRenderingContext2D) cells.getContext("2d")).putImageData(pixels, 0, 0);
        double x = box.sx(d.grid().halfExtent() * -1);
        double y = box.sy(d.grid().halfExtent());
        double size = d.grid().halfExtent() / box.halfExtent() * canvas.getWidth();
        g.drawImage(cells, x, y, size, size);
    }

    /** Shafts in one path, then heads as dots: two strokes for all arrows instead of one per arrow. */
    private void arrows(Arrows a, double t) {
        Palette.time(t, rgb, 0);
        String colour = Palette.css(rgb[0], rgb[1], rgb[2], Arrows.ALPHA);
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
