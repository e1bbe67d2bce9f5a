package flowplay.web.render;

import org.teavm.jso.core.JSArray;
import org.teavm.jso.dom.html.HTMLCanvasElement;
import org.teavm.jso.typedarrays.Float32Array;
import org.teavm.jso.webgpu.GPUBindGroup;
import org.teavm.jso.webgpu.GPUBuffer;
import org.teavm.jso.webgpu.GPUCanvasContext;
import org.teavm.jso.webgpu.GPUCommandEncoder;
import org.teavm.jso.webgpu.GPUDescriptor;
import org.teavm.jso.webgpu.GPURenderPassEncoder;

/**
 * One canvas drawn with a {@link GpuPlot}: its configured WebGPU context and its view uniform. A picture is built as
 * layers in painter's order ({@link #begin}, then points, lines and heatmaps, then {@link #submit}), which become one
 * render pass. Consecutive calls of one kind extend the same layer, so a picture is a handful of draw calls.
 */
public final class GpuCanvas {
    private static final int POINTS = 0;
    private static final int LINES = 1;
    private static final int HEATMAP = 2;

    private final GpuPlot plot;
    private final HTMLCanvasElement canvas;
    private final GPUCanvasContext context;
    private final GPUBuffer uniform;
    private final GPUBindGroup bindGroup;
    private final float[] view = new float[4];
    private double halfExtent = ViewBox.HALF_EXTENT;
    /** Layer i: kind, first item, item count; heatmaps[i] for a heatmap layer. */
    private int[] layers = new int[3 * 8];
    private GpuHeatmap[] heatmaps = new GpuHeatmap[8];
    private int layerCount;

    /**
     * Takes the canvas's "webgpu" context; from then on the canvas can never give a "2d" one.
     *
     * @throws IllegalStateException when the canvas has no webgpu context (e.g. it already gave out a 2d one)
     */
    public GpuCanvas(GpuPlot plot, HTMLCanvasElement canvas) {
        this.plot = plot;
        this.canvas = canvas;
        this.context = (GPUCanvasContext) canvas.getContext("webgpu");
        if (context == null) {
            throw new IllegalStateException("the canvas has no webgpu context");
        }
        GPUDescriptor.CanvasConfiguration config = GPUDescriptor.create();
        config.setDevice(plot.device);
        config.setFormat(plot.format);
        config.setAlphaMode("opaque");
        context.configure(config);

        GPUDescriptor.Buffer uniformDescriptor = GPUDescriptor.create();
        uniformDescriptor.setLabel("view");
        uniformDescriptor.setSize(16);
        uniformDescriptor.setUsage(GPUBuffer.Usage.UNIFORM | GPUBuffer.Usage.COPY_DST);
        uniform = plot.device.createBuffer(uniformDescriptor);
        bindGroup = plot.bindGroup(plot.viewLayout, GpuPlot.whole(uniform));
    }

    public GpuPlot plot() {
        return plot;
    }

    /** One CSS-scale pixel of a 640-wide canvas, as {@link CanvasBox#pixel()}: sizes grow with the canvas. */
    public float pixel() {
        return (float) Math.max(1, canvas.getWidth() / 640.0);
    }

    /** Starts a picture of the box [−h, h]² on the page background. */
    public void begin(double h) {
        halfExtent = h;
        layerCount = 0;
        plot.points.reset();
        plot.lines.reset();
    }

    /** {@code n} discs of one colour (RGBA in [0, 1]) and one diameter in canvas pixels. */
    public void points(float[] xy, int n, float[] rgba, float diameter) {
        if (n <= 0) {
            return;
        }
        extend(POINTS, n);
        VertexBuffer b = plot.points;
        b.reserve(n * GpuPlot.POINT_FLOATS);
        float[] d = b.data;
        int o = b.size;
        for (int i = 0; i < n; i++) {
            d[o] = xy[2 * i];
            d[o + 1] = xy[2 * i + 1];
            d[o + 2] = diameter;
            d[o + 3] = rgba[0];
            d[o + 4] = rgba[1];
            d[o + 5] = rgba[2];
            d[o + 6] = rgba[3];
            o += GpuPlot.POINT_FLOATS;
        }
        b.size = o;
    }

    /** One end of a one-pixel line segment; ends come in pairs, and a segment blends its ends' colours. */
    public void lineEnd(float x, float y, float r, float g, float b, float a) {
        extend(LINES, 1);
        VertexBuffer v = plot.lines;
        v.reserve(GpuPlot.LINE_FLOATS);
        float[] d = v.data;
        int o = v.size;
        d[o] = x;
        d[o + 1] = y;
        d[o + 2] = r;
        d[o + 3] = g;
        d[o + 4] = b;
        d[o + 5] = a;
        v.size = o + GpuPlot.LINE_FLOATS;
    }

    /** The coordinate grid every ViewBox.GRID data units, the axes brighter, as {@link CanvasBox#grid}. */
    public void grid() {
        float h = (float) halfExtent;
        for (double v = -halfExtent; v <= halfExtent + 1e-9; v += ViewBox.GRID) {
            float[] c = Math.abs(v) < 1e-9 ? Palette.AXIS : Palette.GRID;
            lineEnd((float) v, -h, c[0], c[1], c[2], c[3]);
            lineEnd((float) v, h, c[0], c[1], c[2], c[3]);
            lineEnd(-h, (float) v, c[0], c[1], c[2], c[3]);
            lineEnd(h, (float) v, c[0], c[1], c[2], c[3]);
        }
    }

    public void heatmap(GpuHeatmap image) {
        extend(HEATMAP, 1);
        heatmaps[layerCount - 1] = image;
    }

    /** Uploads the vertices and draws the layers in one pass over a cleared canvas. */
    public void submit() {
        view[0] = (float) (1.0 / halfExtent);
        view[1] = view[0];
        view[2] = 2f / canvas.getWidth();
        view[3] = 2f / canvas.getHeight();
        plot.device.getQueue().writeBuffer(uniform, 0, Float32Array.fromJavaArray(view), 0, 4);
        GPUBuffer pointBuffer = plot.points.upload();
        GPUBuffer lineBuffer = plot.lines.upload();

        GPUDescriptor.Color clear = GPUDescriptor.create();
        clear.setR(Palette.BACKGROUND[0]);
        clear.setG(Palette.BACKGROUND[1]);
        clear.setB(Palette.BACKGROUND[2]);
        clear.setA(1);
        GPUDescriptor.RenderPassColorAttachment attachment = GPUDescriptor.create();
        attachment.setView(context.getCurrentTexture().createView());
        attachment.setClearValue(clear);
        attachment.setLoadOp("clear");
        attachment.setStoreOp("store");
        GPUDescriptor.RenderPass passDescriptor = GPUDescriptor.create();
        passDescriptor.setColorAttachments(new GPUDescriptor.RenderPassColorAttachment[] {attachment});

        GPUCommandEncoder encoder = plot.device.createCommandEncoder();
        GPURenderPassEncoder pass = encoder.beginRenderPass(passDescriptor);
        pass.setBindGroup(0, bindGroup);
        for (int i = 0; i < layerCount; i++) {
            int first = layers[3 * i + 1];
            int count = layers[3 * i + 2];
            switch (layers[3 * i]) {
                case POINTS -> {
                    pass.setPipeline(plot.pointPipeline);
                    pass.setVertexBuffer(0, pointBuffer);
                    pass.draw(6, count, 0, first);
                }
                case LINES -> {
                    pass.setPipeline(plot.linePipeline);
                    pass.setVertexBuffer(0, lineBuffer);
                    pass.draw(count, 1, first, 0);
                }
                default -> {
                    pass.setPipeline(plot.heatPipeline);
                    pass.setBindGroup(1, heatmaps[i].bindGroup());
                    pass.draw(6, 1, 0, 0);
                    heatmaps[i] = null;
                }
            }
        }
        pass.end();
        plot.device.getQueue().submit(JSArray.of(encoder.finish()));
    }

    /** Frees the view uniform (the drawn picture stays on the canvas); for canvases drawn once, like strip panels. */
    public void release() {
        uniform.destroy();
    }

    /** Adds {@code items} to the last layer when it is of this kind, else starts a layer after it. */
    private void extend(int kind, int items) {
        if (layerCount > 0 && layers[3 * (layerCount - 1)] == kind && kind != HEATMAP) {
            layers[3 * (layerCount - 1) + 2] += items;
            return;
        }
        if (3 * (layerCount + 1) > layers.length) {
            int[] more = new int[layers.length * 2];
            System.arraycopy(layers, 0, more, 0, layers.length);
            layers = more;
            GpuHeatmap[] moreHeat = new GpuHeatmap[heatmaps.length * 2];
            System.arraycopy(heatmaps, 0, moreHeat, 0, heatmaps.length);
            heatmaps = moreHeat;
        }
        int first = kind == POINTS ? plot.points.size / GpuPlot.POINT_FLOATS
                : kind == LINES ? plot.lines.size / GpuPlot.LINE_FLOATS : 0;
        layers[3 * layerCount] = kind;
        layers[3 * layerCount + 1] = first;
        layers[3 * layerCount + 2] = items;
        layerCount++;
    }
}
