package flowplay.web.render;

import org.teavm.jso.typedarrays.Float32Array;
import org.teavm.jso.webgpu.GPUBuffer;
import org.teavm.jso.webgpu.GPUDescriptor;
import org.teavm.jso.webgpu.GPUDevice;

/**
 * A GPU vertex buffer plus the Java array it is filled from, both grown by doubling, so a stream of checkpoints does
 * not allocate GPU memory per frame.
 */
final class VertexBuffer {
    private final GPUDevice device;
    private final String label;
    private GPUBuffer buffer;
    private int capacity;
    float[] data = new float[1024];
    int size;

    VertexBuffer(GPUDevice device, String label) {
        this.device = device;
        this.label = label;
    }

    void reset() {
        size = 0;
    }

    /** Room for {@code floats} more floats in {@link #data}. */
    void reserve(int floats) {
        if (size + floats > data.length) {
            float[] bigger = new float[Math.max(size + floats, data.length * 2)];
            System.arraycopy(data, 0, bigger, 0, size);
            data = bigger;
        }
    }

    /** Copies the filled part of {@link #data} to the GPU and returns the buffer to bind. */
    GPUBuffer upload() {
        if (buffer == null || capacity < Math.max(size, 4)) {
            if (buffer != null) {
                buffer.destroy();
            }
            capacity = Math.max(Math.max(size, 4), capacity * 2);
            GPUDescriptor.Buffer d = GPUDescriptor.create();
            d.setLabel(label);
            d.setSize(capacity * 4.0);
            d.setUsage(GPUBuffer.Usage.VERTEX | GPUBuffer.Usage.COPY_DST);
            buffer = device.createBuffer(d);
        }
        if (size > 0) {
            // On the JS backend a float[] is a Float32Array already: this wraps it, and writeBuffer copies right away.
            device.getQueue().writeBuffer(buffer, 0, Float32Array.fromJavaArray(data), 0, size);
        }
        return buffer;
    }
}
