package flowplay.web.inpaint;

/**
 * The two noise-free arcs of scikit-learn's make_moons, from its definition (not from Flowplay's generator): the upper
 * half circle (cos s, sin s) and the lower one (1 − cos s, 0.5 − sin s), s in [0, π]. Distances are to the densely
 * sampled curves, so a point beyond an arc's end is measured to its tip.
 */
final class MoonArcs {
    private static final int POINTS = 4000;

    private MoonArcs() {
    }

    static double distance(double x, double y) {
        return Math.min(upperDistance(x, y), lowerDistance(x, y));
    }

    static double upperDistance(double x, double y) {
        double best = Double.POSITIVE_INFINITY;
        for (int i = 0; i < POINTS; i++) {
            double s = Math.PI * i / (POINTS - 1);
            best = Math.min(best, Math.hypot(x - Math.cos(s), y - Math.sin(s)));
        }
        return best;
    }

    static double lowerDistance(double x, double y) {
        double best = Double.POSITIVE_INFINITY;
        for (int i = 0; i < POINTS; i++) {
            double s = Math.PI * i / (POINTS - 1);
            best = Math.min(best, Math.hypot(x - (1 - Math.cos(s)), y - (0.5 - Math.sin(s))));
        }
        return best;
    }
}
