package flowplay.web.bench;

/** The TeaVM CPU sampler in the language this page was compiled to (bench.js: JavaScript). */
final class TeaVmCpuEngine implements BenchEngine {
    @Override
    public String name() {
        return "teavm-js";
    }

    @Override
    public void run(BenchWorkload workload, BenchCallback callback) {
        TimedRuns.start(new CpuSampler(), workload, "TeaVM 0.16 JavaScript, core Sampler.run + Euler, 1 thread", callback);
    }
}
