package flowplay.web.bench;

/**
 * One row of the bench page: an engine that runs the {@link BenchWorkload} (warm-up, then timed runs) and calls back
 * once, asynchronously or not. The page runs engines one after the other, never two at once.
 */
public interface BenchEngine {
    /** The row's {@code data-engine}, e.g. {@code teavm-js}, {@code tfjs-wasm}. */
    String name();

    void run(BenchWorkload workload, BenchCallback callback);
}
