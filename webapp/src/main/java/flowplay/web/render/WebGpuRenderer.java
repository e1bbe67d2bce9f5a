package flowplay.web.render;

import org.teavm.jso.core.JSArray;
import org.teavm.jso.dom.html.HTMLCanvasElement;
import org.teavm.jso.typedarrays.Float32Array;
import org.teavm.jso.webgpu.GPUBindGroup;
import org.teavm.jso.webgpu.GPUBuffer;
import org.teavm.jso.webgpu.GPUCanvasContext;
import org.teavm.jso.webgpu.GPUCommandEncoder;
import org.teavm.jso.webgpu.GPUDescriptor;
import org.teavm.jso.webgpu.GPUDevice;
import org.teavm.jso.webgpu.GPUPipeline;
import org.teavm.jso.webgpu.GPURenderPassEncoder;
import org.teavm.jso.webgpu.GPUShaderModule;

/**
 * Draws the scene with WebGPU: one render pass per picture, two pipelines (instanced point quads, line-list), all
 * vertices in two growable buffers. Errors do not throw here; they arrive on the device's {@code uncapturederror}
 * event and {@code lost} promise, which {@link RendererSelector} wires to the page's error report.
 */
public final class WebGpuRenderer implements Renderer {
    /** x, y, diameter in pixels, r, g, b, a. */
    private static final int POINT_FLOATS = 7;
    /** x, y, r, g, b, a. */
    private static final int LINE_FLOATS = 6;
    private static final float REFERENCE_SIZE = 3.0f;
    private static final float SAMPLE_SIZE = 3.4f;

    private final GPUDevice device;
    private final HTMLCanvasElement canvas;
    private final GPUCanvasContext context;
    private final GPUPipeline.Render pointPipeline;
    private final GPUPipeline.Render linePipeline;
    private final GPUBuffer uniform;
    private final GPUBindGroup bindGroup;
    private final VertexBuffer points;
    private final VertexBuffer lines;
    private final float[] uniformData = new float[4];
    private final float[] rgb = new float[3];

    public WebGpuRenderer(GPUDevice device, HTMLCanvasElement canvas, GPUCanvasContext context, String format) {
        this.device = device;
        this.canvas = canvas;
        this.context = context;

        GPUDescriptor.CanvasConfiguration config = GPUDescriptor.create();
        config.setDevice(device);
        config.setFormat(format);
        config.setAlphaMode("opaque");
        context.configure(config);

        GPUDescriptor.ShaderModule moduleDescriptor = GPUDescriptor.create();
        moduleDescriptor.setLabel("flowplay shaders");
        moduleDescriptor.setCode(Shaders.CODE);
        GPUShaderModule module = device.createShaderModule(moduleDescriptor);

        GPUDescriptor.BufferBindingLayout uniformLayout = GPUDescriptor.create();
        uniformLayout.setType("uniform");
        GPUDescriptor.BindGroupLayoutEntry entry = GPUDescriptor.create();
        entry.setBinding(0);
        entry.setVisibility(GPUPipeline.ShaderStage.VERTEX);
        entry.setBuffer(uniformLayout);
        GPUDescriptor.BindGroupLayout groupLayoutDescriptor = GPUDescriptor.create();
        groupLayoutDescriptor.setEntries(new GPUDescriptor.BindGroupLayoutEntry[] {entry});
        GPUBindGroup.Layout groupLayout = device.createBindGroupLayout(groupLayoutDescriptor);
        GPUDescriptor.PipelineLayout pipelineLayoutDescriptor = GPUDescriptor.create();
        pipelineLayoutDescriptor.setBindGroupLayouts(new GPUBindGroup.Layout[] {groupLayout});
        GPUPipeline.Layout pipelineLayout = device.createPipelineLayout(pipelineLayoutDescriptor);

        pointPipeline = device.createRenderPipeline(pipeline(module, pipelineLayout, format, "pointVertex", "pointFragment",
                "triangle-list", "instance", POINT_FLOATS,
                attribute(0, "float32x2", 0), attribute(1, "float32", 8), attribute(2, "float32x4", 12)));
        linePipeline = device.createRenderPipeline(pipeline(module, pipelineLayout, format, "lineVertex", "lineFragment",
                "line-list", "vertex", LINE_FLOATS,
                attribute(0, "float32x2", 0), attribute(1, "float32x4", 8)));

        GPUDescriptor.Buffer uniformDescriptor = GPUDescriptor.create();
        uniformDescriptor.setLabel("view");
        uniformDescriptor.setSize(16);
        uniformDescriptor.setUsage(GPUBuffer.Usage.UNIFORM | GPUBuffer.Usage.COPY_DST);
        uniform = device.createBuffer(uniformDescriptor);

        GPUDescriptor.BufferBinding binding = GPUDescriptor.create();
        binding.setBuffer(uniform);
        GPUDescriptor.BindGroupEntry groupEntry = GPUDescriptor.create();
        groupEntry.setBinding(0);
        groupEntry.setResource(binding);
        GPUDescriptor.BindGroup groupDescriptor = GPUDescriptor.create();
        groupDescriptor.setLayout(groupLayout);
        groupDescriptor.setEntries(new GPUDescriptor.BindGroupEntry[] {groupEntry});
        bindGroup = device.createBindGroup(groupDescriptor);

        points = new VertexBuffer(device, "points");
        lines = new VertexBuffer(device, "lines");
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
        double scale = 1.0 / scene.halfExtent;
        uniformData[0] = (float) scale;
        uniformData[1] = (float) scale;
        uniformData[2] = 2f / canvas.getWidth();
        uniformData[3] = 2f / canvas.getHeight();
        device.getQueue().writeBuffer(uniform, 0, Float32Array.fromJavaArray(uniformData), 0, 4);

        float pixelScale = (float) Math.max(1, canvas.getWidth() / 640.0);
        points.reset();
        addPoints(scene.reference, scene.referenceCount, scene.givenPoints ? Palette.POINTS : Palette.REFERENCE,
                REFERENCE_SIZE * pixelScale * (scene.givenPoints ? Palette.POINTS_SCALE : 1f));
        int referencePoints = points.size / POINT_FLOATS;
        Palette.time(1, rgb, 0);
        float[] sampleColor = {rgb[0], rgb[1], rgb[2], Palette.SAMPLE_ALPHA};
        addPoints(scene.samples, scene.sampleCount, sampleColor, SAMPLE_SIZE * pixelScale);
        int samplePoints = points.size / POINT_FLOATS - referencePoints;

        lines.reset();
        addGrid(scene.halfExtent);
        int gridVertices = lines.size / LINE_FLOATS;
        if (scene.hasTrajectories()) {
            addTrajectories(scene);
        }
        int trajectoryVertices = lines.size / LINE_FLOATS - gridVertices;

        GPUBuffer pointBuffer = points.upload();
        GPUBuffer lineBuffer = lines.upload();

        GPUDescriptor.Color clearColor = GPUDescriptor.create();
        clearColor.setR(Palette.BACKGROUND[0]);
        clearColor.setG(Palette.BACKGROUND[1]);
        clearColor.setB(Palette.BACKGROUND[2]);
        clearColor.setA(1);
        GPUDescriptor.RenderPassColorAttachment attachment = GPUDescriptor.create();
        attachment.setView(context.getCurrentTexture().createView());
        attachment.setClearValue(clearColor);
        attachment.setLoadOp("clear");
        attachment.setStoreOp("store");
        GPUDescriptor.RenderPass passDescriptor = GPUDescriptor.create();
        passDescriptor.setColorAttachments(new GPUDescriptor.RenderPassColorAttachment[] {attachment});

        GPUCommandEncoder encoder = device.createCommandEncoder();
        GPURenderPassEncoder pass = encoder.beginRenderPass(passDescriptor);
        // Painter's order: grid, data set, trajectories, samples on top.
        pass.setPipeline(linePipeline);
        pass.setBindGroup(0, bindGroup);
        pass.setVertexBuffer(0, lineBuffer);
        pass.draw(gridVertices, 1, 0, 0);
        pass.setPipeline(pointPipeline);
        pass.setBindGroup(0, bindGroup);
        pass.setVertexBuffer(0, pointBuffer);
        if (referencePoints > 0) {
            pass.draw(6, referencePoints, 0, 0);
        }
        if (trajectoryVertices > 0) {
            pass.setPipeline(linePipeline);
            pass.setVertexBuffer(0, lineBuffer);
            pass.draw(trajectoryVertices, 1, gridVertices, 0);
        }
        if (samplePoints > 0) {
            pass.setPipeline(pointPipeline);
            pass.setVertexBuffer(0, pointBuffer);
            pass.draw(6, samplePoints, 0, referencePoints);
        }
        pass.end();
        device.getQueue().submit(JSArray.of(encoder.finish()));
    }

    public GPUDevice device() {
        return device;
    }

    private void addPoints(float[] xy, int n, float[] color, float size) {
        points.reserve(n * POINT_FLOATS);
        float[] d = points.data;
        int o = points.size;
        for (int i = 0; i < n; i++) {
            d[o] = xy[2 * i];
            d[o + 1] = xy[2 * i + 1];
            d[o + 2] = size;
            d[o + 3] = color[0];
            d[o + 4] = color[1];
            d[o + 5] = color[2];
            d[o + 6] = color[3];
            o += POINT_FLOATS;
        }
        points.size = o;
    }

    private void addGrid(double halfExtent) {
        float h = (float) halfExtent;
        for (double v = -halfExtent; v <= halfExtent + 1e-9; v += ViewBox.GRID) {
            float[] c = Math.abs(v) < 1e-9 ? Palette.AXIS : Palette.GRID;
            addLineVertex((float) v, -h, c[0], c[1], c[2], c[3]);
            addLineVertex((float) v, h, c[0], c[1], c[2], c[3]);
            addLineVertex(-h, (float) v, c[0], c[1], c[2], c[3]);
            addLineVertex(h, (float) v, c[0], c[1], c[2], c[3]);
        }
    }

    /** Each segment from frame k to k+1 gets the colours of both ends, so the GPU blends time along the line. */
    private void addTrajectories(Scene s) {
        int segments = s.frames - 1;
        float[] colors = new float[s.frames * 3];
        for (int k = 0; k < s.frames; k++) {
            Palette.time((double) k / segments, colors, 3 * k);
        }
        lines.reserve(s.paths * segments * 2 * LINE_FLOATS);
        float a = Palette.TRAJECTORY_ALPHA;
        float[] t = s.trajectory;
        int frame = s.stride * 2;
        for (int i = 0; i < s.paths; i++) {
            for (int k = 0; k < segments; k++) {
                int p = k * frame + 2 * i;
                int q = p + frame;
                addLineVertex(t[p], t[p + 1], colors[3 * k], colors[3 * k + 1], colors[3 * k + 2], a);
                addLineVertex(t[q], t[q + 1], colors[3 * k + 3], colors[3 * k + 4], colors[3 * k + 5], a);
            }
        }
    }

    private void addLineVertex(float x, float y, float r, float g, float b, float a) {
        lines.reserve(LINE_FLOATS);
        float[] d = lines.data;
        int o = lines.size;
        d[o] = x;
        d[o + 1] = y;
        d[o + 2] = r;
        d[o + 3] = g;
        d[o + 4] = b;
        d[o + 5] = a;
        lines.size = o + LINE_FLOATS;
    }

    private static GPUDescriptor.VertexAttribute attribute(int location, String format, int offsetBytes) {
        GPUDescriptor.VertexAttribute a = GPUDescriptor.create();
        a.setShaderLocation(location);
        a.setFormat(format);
        a.setOffset(offsetBytes);
        return a;
    }

    private static GPUDescriptor.RenderPipeline pipeline(GPUShaderModule module, GPUPipeline.Layout layout, String format,
            String vertexEntry, String fragmentEntry, String topology, String stepMode, int floatsPerItem,
            GPUDescriptor.VertexAttribute... attributes) {
        GPUDescriptor.VertexBufferLayout bufferLayout = GPUDescriptor.create();
        bufferLayout.setArrayStride(floatsPerItem * 4.0);
        bufferLayout.setStepMode(stepMode);
        bufferLayout.setAttributes(attributes);
        GPUDescriptor.VertexState vertex = GPUDescriptor.create();
        vertex.setModule(module);
        vertex.setEntryPoint(vertexEntry);
        vertex.setBuffers(new GPUDescriptor.VertexBufferLayout[] {bufferLayout});

        // Premultiplied-alpha "over", matching the shaders' output.
        GPUDescriptor.BlendComponent component = GPUDescriptor.create();
        component.setOperation("add");
        component.setSrcFactor("one");
        component.setDstFactor("one-minus-src-alpha");
        GPUDescriptor.BlendState blend = GPUDescriptor.create();
        blend.setColor(component);
        blend.setAlpha(component);
        GPUDescriptor.ColorTargetState target = GPUDescriptor.create();
        target.setFormat(format);
        target.setBlend(blend);
        GPUDescriptor.FragmentState fragment = GPUDescriptor.create();
        fragment.setModule(module);
        fragment.setEntryPoint(fragmentEntry);
        fragment.setTargets(new GPUDescriptor.ColorTargetState[] {target});

        GPUDescriptor.PrimitiveState primitive = GPUDescriptor.create();
        primitive.setTopology(topology);

        GPUDescriptor.RenderPipeline d = GPUDescriptor.create();
        d.setLabel(vertexEntry);
        d.setLayout(layout);
        d.setVertex(vertex);
        d.setFragment(fragment);
        d.setPrimitive(primitive);
        return d;
    }
}
