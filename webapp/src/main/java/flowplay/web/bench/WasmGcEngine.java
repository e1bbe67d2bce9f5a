package flowplay.web.bench;

/**
 * The same TeaVM CPU sampler compiled to WebAssembly GC (bench.wasm, entry {@link WasmBenchMain}): loaded on its turn
 * with TeaVM's runtime, it times itself with the same {@link TimedRuns} and hands back its final points.
 */
final class WasmGcEngine implements BenchEngine {
    private static final String URL = "bench.wasm";

    @Override
    public String name() {
        return "teavm-wasmgc";
    }

    @Override
    public void run(BenchWorkload w, BenchCallback callback) {
        JsBench.Message failed = callback::failed;
        JsBench.loadWasmGc(URL, () -> {
            if (!JsBench.wasmBenchRegistered()) {
                callback.failed("bench.wasm ran but did not register flowplayWasmBench");
                return;
            }
            JsBench.runWasmBench(w.points, w.steps, w.reps, w.warmupSteps, w.seed,
                    (seconds, samples, note) -> callback.done(
                            new BenchResult(BenchResult.parseSeconds(seconds), JsBench.toJava(samples), note)),
                    failed);
        }, callback::unavailable, failed);
    }
}
