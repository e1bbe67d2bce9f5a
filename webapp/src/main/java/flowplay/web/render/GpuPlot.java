package flowplay.web.render;

import org.teavm.jso.JSObject;
import org.teavm.jso.webgpu.GPUBindGroup;
import org.teavm.jso.webgpu.GPUBuffer;
import org.teavm.jso.webgpu.GPUDescriptor;
import org.teavm.jso.webgpu.GPUDevice;
import org.teavm.jso.webgpu.GPUPipeline;
import org.teavm.jso.webgpu.GPUSampler;
import org.teavm.jso.webgpu.GPUShaderModule;

/**
 * What every WebGPU picture of the page draws with, made once per device: the shader module, the point, line and
 * heatmap pipelines, the heatmap's sampler, and the two vertex buffers. Compiling pipelines takes milliseconds each, so
 * a strip that recreates a dozen panel canvases per pass must not pay it per canvas; a {@link GpuCanvas} only adds a
 * configured context and its own view uniform.
 * <p>
 * The vertex buffers are shared by all canvases: each picture writes them and submits its pass before the next
 * picture writes them again, and the queue runs writes and submits in that order, so no picture sees another's vertices.
 */
public final class GpuPlot {
    /** x, y, diameter in pixels, r, g, b, a. */
    static final int POINT_FLOATS = 7;
    /** x, y, r, g, b, a. */
    static final int LINE_FLOATS = 6;

    final GPUDevice device;
    final String format;
    final GPUBindGroup.Layout viewLayout;
    final GPUBindGroup.Layout heatLayout;
    final GPUPipeline.Render pointPipeline;
    final GPUPipeline.Render linePipeline;
    final GPUPipeline.Render heatPipeline;
    final GPUSampler heatSampler;
    final VertexBuffer points;
    final VertexBuffer lines;

    /** @param format the canvases' texture format, {@code navigator.gpu.getPreferredCanvasFormat()} */
    public GpuPlot(GPUDevice device, String format) {
        this.device = device;
        this.format = format;
        GPUDescriptor.ShaderModule moduleDescriptor = GPUDescriptor.create();
        moduleDescriptor.setLabel("flowplay plot shaders");
        moduleDescriptor.setCode(Shaders.CODE);
        GPUShaderModule module = device.createShaderModule(moduleDescriptor);

        GPUDescriptor.BufferBindingLayout uniform = GPUDescriptor.create();
        uniform.setType("uniform");
        GPUDescriptor.BindGroupLayoutEntry view = entry(0, GPUPipeline.ShaderStage.VERTEX);
        view.setBuffer(uniform);
        viewLayout = bindGroupLayout(view);

        GPUDescriptor.SamplerBindingLayout filtering = GPUDescriptor.create();
        filtering.setType("filtering");
        GPUDescriptor.BindGroupLayoutEntry sampler = entry(0, GPUPipeline.ShaderStage.FRAGMENT);
        sampler.setSampler(filtering);
        GPUDescriptor.TextureBindingLayout floatTexture = GPUDescriptor.create();
        floatTexture.setSampleType("float");
        GPUDescriptor.BindGroupLayoutEntry image = entry(1, GPUPipeline.ShaderStage.FRAGMENT);
        image.setTexture(floatTexture);
        GPUDescriptor.BindGroupLayoutEntry box = entry(2, GPUPipeline.ShaderStage.VERTEX);
        box.setBuffer(uniform);
        heatLayout = bindGroupLayout(sampler, image, box);

        GPUPipeline.Layout viewOnly = pipelineLayout(viewLayout);
        pointPipeline = device.createRenderPipeline(pipeline(module, viewOnly, "pointVertex", "pointFragment",
                "triangle-list", vertexLayout("instance", POINT_FLOATS,
                        attribute(0, "float32x2", 0), attribute(1, "float32", 8), attribute(2, "float32x4", 12))));
        linePipeline = device.createRenderPipeline(pipeline(module, viewOnly, "lineVertex", "lineFragment",
                "line-list", vertexLayout("vertex", LINE_FLOATS, attribute(0, "float32x2", 0), attribute(1, "float32x4", 8))));
        heatPipeline = device.createRenderPipeline(pipeline(module, pipelineLayout(viewLayout, heatLayout), "heatVertex",
                "heatFragment", "triangle-list"));

        GPUDescriptor.Sampler linear = GPUDescriptor.create();
        linear.setMagFilter("linear");
        linear.setMinFilter("linear");
        linear.setAddressModeU("clamp-to-edge");
        linear.setAddressModeV("clamp-to-edge");
        heatSampler = device.createSampler(linear);

        points = new VertexBuffer(device, "points");
        lines = new VertexBuffer(device, "lines");
    }

    public GPUDevice device() {
        return device;
    }

    /** A bind group of {@code layout} with resource i at binding i. */
    GPUBindGroup bindGroup(GPUBindGroup.Layout layout, JSObject... resources) {
        GPUDescriptor.BindGroupEntry[] entries = new GPUDescriptor.BindGroupEntry[resources.length];
        for (int i = 0; i < resources.length; i++) {
            entries[i] = GPUDescriptor.create();
            entries[i].setBinding(i);
            entries[i].setResource(resources[i]);
        }
        GPUDescriptor.BindGroup d = GPUDescriptor.create();
        d.setLayout(layout);
        d.setEntries(entries);
        return device.createBindGroup(d);
    }

    /** A whole buffer as a bind group resource. */
    static GPUDescriptor.BufferBinding whole(GPUBuffer buffer) {
        GPUDescriptor.BufferBinding binding = GPUDescriptor.create();
        binding.setBuffer(buffer);
        return binding;
    }

    private static GPUDescriptor.BindGroupLayoutEntry entry(int binding, int visibility) {
        GPUDescriptor.BindGroupLayoutEntry e = GPUDescriptor.create();
        e.setBinding(binding);
        e.setVisibility(visibility);
        return e;
    }

    private GPUBindGroup.Layout bindGroupLayout(GPUDescriptor.BindGroupLayoutEntry... entries) {
        GPUDescriptor.BindGroupLayout d = GPUDescriptor.create();
        d.setEntries(entries);
        return device.createBindGroupLayout(d);
    }

    private GPUPipeline.Layout pipelineLayout(GPUBindGroup.Layout... groups) {
        GPUDescriptor.PipelineLayout d = GPUDescriptor.create();
        d.setBindGroupLayouts(groups);
        return device.createPipelineLayout(d);
    }

    private static GPUDescriptor.VertexAttribute attribute(int location, String format, int offsetBytes) {
        GPUDescriptor.VertexAttribute a = GPUDescriptor.create();
        a.setShaderLocation(location);
        a.setFormat(format);
        a.setOffset(offsetBytes);
        return a;
    }

    private static GPUDescriptor.VertexBufferLayout vertexLayout(String stepMode, int floatsPerItem,
            GPUDescriptor.VertexAttribute... attributes) {
        GPUDescriptor.VertexBufferLayout layout = GPUDescriptor.create();
        layout.setArrayStride(floatsPerItem * 4.0);
        layout.setStepMode(stepMode);
        layout.setAttributes(attributes);
        return layout;
    }

    private GPUDescriptor.RenderPipeline pipeline(GPUShaderModule module, GPUPipeline.Layout layout, String vertexEntry,
            String fragmentEntry, String topology, GPUDescriptor.VertexBufferLayout... buffers) {
        GPUDescriptor.VertexState vertex = GPUDescriptor.create();
        vertex.setModule(module);
        vertex.setEntryPoint(vertexEntry);
        vertex.setBuffers(buffers);

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
