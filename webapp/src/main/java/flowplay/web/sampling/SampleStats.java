package flowplay.web.sampling;

/** Mean and (population) standard deviation per coordinate of 2-D points, in double to keep 100 000 sums exact enough. */
public record SampleStats(int count, double meanX, double meanY, double stdX, double stdY) {

    public static SampleStats of(float[] xy, int n) {
        double sx = 0, sy = 0;
        for (int i = 0; i < n; i++) {
            sx += xy[2 * i];
            sy += xy[2 * i + 1];
        }
        double mx = n == 0 ? 0 : sx / n;
        double my = n == 0 ? 0 : sy / n;
        double vx = 0, vy = 0;
        for (int i = 0; i < n; i++) {
            double dx = xy[2 * i] - mx;
            double dy = xy[2 * i + 1] - my;
            vx += dx * dx;
            vy += dy * dy;
        }
        return new SampleStats(n, mx, my, n == 0 ? 0 : Math.sqrt(vx / n), n == 0 ? 0 : Math.sqrt(vy / n));
    }
}
