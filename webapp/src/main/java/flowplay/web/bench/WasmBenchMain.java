package flowplay.web.bench;

/**
 * Entry point of bench.wasm (TeaVM's WEBASSEMBLY_GC target): registers {@code window.flowplayWasmBench}, which runs the
 * workload on the CPU sampler compiled to WasmGC with the same {@link TimedRuns} as the JavaScript engine and calls back
 * with the timings and the final points.
 */
public final class WasmBenchMain {
    private WasmBenchMain() {
    }

    public static void main(String[] args) {
        JsBench.registerWasmBench((points, steps, reps, warmupSteps, seed, done, failed) -> {
            try {
                BenchWorkload w = new BenchWorkload(points, steps, reps, warmupSteps, seed);
                TimedRuns.start(new CpuSampler(), w, "TeaVM 0.16 WasmGC, core Sampler.run + Euler, 1 thread", new BenchCallback() {
                    @Override
                    public void done(BenchResult result) {
                        done.done(result.secondsList(), JsBench.toJs(result.samples), result.note);
                    }

                    @Override
                    public void unavailable(String reason) {
                        failed.accept(reason);
                    }

                    @Override
                    public void failed(String error) {
                        failed.accept(error);
                    }
                });
            } catch (RuntimeException e) {
                failed.accept(e.getClass().getSimpleName() + ": " + e.getMessage());
            }
        });
    }
}
