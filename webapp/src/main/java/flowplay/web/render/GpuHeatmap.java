package flowplay.web.render;

import org.teavm.jso.typedarrays.Float32Array;
import org.teavm.jso.typedarrays.Int8Array;
import org.teavm.jso.webgpu.GPUBindGroup;
import org.teavm.jso.webgpu.GPUBuffer;
import org.teavm.jso.webgpu.GPUDescriptor;
import org.teavm.jso.webgpu.GPUTexture;

/**
 * A small m×m RGBA image coloured on the CPU, stretched over a square of the plot by {@link GpuCanvas#heatmap} with
 * linear filtering. The texture is kept while m stays, so a density that grows row by row only rewrites its pixels.
 */
public final class GpuHeatmap {
    private final GpuPlot plot;
    private final GPUBuffer box;
    private final float[] boxData = new float[4];
    private GPUTexture texture;
    private GPUBindGroup bindGroup;
    private int size;

    public GpuHeatmap(GpuPlot plot) {
        this.plot = plot;
        GPUDescriptor.Buffer d = GPUDescriptor.create();
        d.setLabel("heatmap box");
        d.setSize(16);
        d.setUsage(GPUBuffer.Usage.UNIFORM | GPUBuffer.Usage.COPY_DST);
        box = plot.device.createBuffer(d);
    }

    /**
     * @param rgba        m×m pixels, row 0 at the top, 4 unsigned bytes each (Java bytes hold them as signed: the bits
     *                    are what the texture gets)
     * @param halfExtent  the image covers [−halfExtent, halfExtent]² in data units
     */
    public void update(byte[] rgba, int m, double halfExtent) {
        if (texture == null || size != m) {
            if (texture != null) {
                texture.destroy();
            }
            size = m;
            GPUDescriptor.Extent3D extent = extent(m);
            GPUDescriptor.Texture d = GPUDescriptor.create();
            d.setSize(extent);
            d.setFormat("rgba8unorm");
            d.setUsage(GPUTexture.Usage.TEXTURE_BINDING | GPUTexture.Usage.COPY_DST);
            texture = plot.device.createTexture(d);
            bindGroup = plot.bindGroup(plot.heatLayout, plot.heatSampler, texture.createView(), GpuPlot.whole(box));
        }
        GPUDescriptor.TexelCopyTextureInfo destination = GPUDescriptor.create();
        destination.setTexture(texture);
        GPUDescriptor.TexelCopyBufferLayout layout = GPUDescriptor.create();
        layout.setOffset(0);
        layout.setBytesPerRow(4 * m);
        layout.setRowsPerImage(m);
        plot.device.getQueue().writeTexture(destination, Int8Array.fromJavaArray(rgba), layout, extent(m));
        boxData[0] = (float) halfExtent;
        plot.device.getQueue().writeBuffer(box, 0, Float32Array.fromJavaArray(boxData), 0, 4);
    }

    GPUBindGroup bindGroup() {
        return bindGroup;
    }

    private static GPUDescriptor.Extent3D extent(int m) {
        GPUDescriptor.Extent3D e = GPUDescriptor.create();
        e.setWidth(m);
        e.setHeight(m);
        e.setDepthOrArrayLayers(1);
        return e;
    }
}
