package flowplay.core.checkpoint;

/** A named float tensor, row-major, as stored in a safetensors file. */
public record Tensor(String name, int[] shape, float[] data) {
    public Tensor {
        long count = 1;
        for (int s : shape) {
            if (s < 0) {
                throw new CheckpointFormatException("tensor '" + name + "' has a negative dimension");
            }
            count *= s;
        }
        if (count != data.length) {
            throw new CheckpointFormatException("tensor '" + name + "' has " + data.length + " values but its shape holds " + count);
        }
    }
}
