package flowplay.core.solver;

/** The vector operation that explicit Runge–Kutta stages are made of, and the scratch buffers the solvers keep. */
final class Stages {
    private Stages() {
    }

    /** {@code buffer} when it holds {@code size} values, else a new one: solvers reuse scratch so sampling allocates nothing per step. */
    static float[] atLeast(float[] buffer, int size) {
        return buffer.length >= size ? buffer : new float[size];
    }

    /** out = x + a·k over the first {@code size} values; {@code out} may be {@code x}. */
    static void offset(float[] x, float a, float[] k, int size, float[] out) {
        for (int i = 0; i < size; i++) {
            out[i] = x[i] + a * k[i];
        }
    }
}
