package flowplay.web.bench;

import flowplay.core.model.Mlp;

/**
 * The same network, weights and noise in TensorFlow.js 4.22 on one backend ({@code wasm}, {@code webgpu}, {@code cpu}):
 * {@code x ← x + dt·mlp(concat(x, t))}, one {@code tf.tidy} per step, timed in bench-tfjs.js until the final points
 * are read back. TF.js is not part of Flowplay: the page loads it from {@code vendor/tfjs/} when
 * {@code bench/browser/fetch-tfjs} put it there, and the row says "not installed" otherwise.
 */
final class TfjsEngine implements BenchEngine {
    /** Where the page looks for TF.js, relative to bench.html; {@code ?tfjs=} overrides it. */
    static final String DEFAULT_BASE = "vendor/tfjs/";

    private final String backend;
    private final String base;

    TfjsEngine(String backend, String base) {
        this.backend = backend;
        this.base = base;
    }

    @Override
    public String name() {
        return "tfjs-" + backend;
    }

    @Override
    public void run(BenchWorkload w, BenchCallback callback) {
        Mlp mlp = w.mlp();
        StringBuilder sizes = new StringBuilder();
        for (int s : mlp.sizes()) {
            if (sizes.length() > 0) {
                sizes.append(',');
            }
            sizes.append(s);
        }
        JsBench.runTfjs(backend, base, sizes.toString(), JsBench.toJs(mlp.weights()), JsBench.toJs(mlp.biases()),
                JsBench.toJs(w.noise()), w.points, w.steps, w.reps, w.warmupSteps,
                (seconds, samples, note) -> callback.done(
                        new BenchResult(BenchResult.parseSeconds(seconds), JsBench.toJava(samples), note)),
                callback::unavailable, callback::failed);
    }
}
