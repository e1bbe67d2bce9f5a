package flowplay.e2e;

/**
 * Mean and standard deviation of scikit-learn's {@code make_moons(noise=0.05)}, computed from its definition (not from
 * Flowplay's generator, so the e2e test checks the page against the specification): half the points on the upper
 * half circle (cos s, sin s), half on (1 − cos s, 1 − sin s − 0.5), s evenly spaced in [0, π], plus N(0, 0.05²) noise
 * on each coordinate. The result is mean ≈ (0.5, 0.25), std ≈ (0.87, 0.50).
 */
final class MoonsReference {

    static final double NOISE = 0.05;
    private static final int N = 100_000;

    private MoonsReference() {
    }

    /** {mean x, mean y, std x, std y}. */
    static double[] meanAndStd() {
        int outer = N / 2;
        int inner = N - outer;
        double sx = 0, sy = 0, sxx = 0, syy = 0;
        for (int i = 0; i < outer; i++) {
            double s = Math.PI * i / (outer - 1);
            double x = Math.cos(s), y = Math.sin(s);
            sx += x; sy += y; sxx += x * x; syy += y * y;
        }
        for (int i = 0; i < inner; i++) {
            double s = Math.PI * i / (inner - 1);
            double x = 1 - Math.cos(s), y = 1 - Math.sin(s) - 0.5;
            sx += x; sy += y; sxx += x * x; syy += y * y;
        }
        double mx = sx / N, my = sy / N;
        double vx = sxx / N - mx * mx + NOISE * NOISE;
        double vy = syy / N - my * my + NOISE * NOISE;
        return new double[] {mx, my, Math.sqrt(vx), Math.sqrt(vy)};
    }
}
