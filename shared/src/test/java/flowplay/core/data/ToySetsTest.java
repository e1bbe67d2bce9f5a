package flowplay.core.data;

import flowplay.core.rng.Rng;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The definitional properties of the FFJORD / WGAN-GP / sklearn toy sets added to {@link Datasets}. */
class ToySetsTest {
    private static final int N = 100_000;

    private static float[] sample(Dataset d, long seed, int n) {
        float[] xy = new float[2 * n];
        d.sample(new Rng(seed), n, xy);
        return xy;
    }

    private static double mean(float[] xy, int axis) {
        double s = 0;
        int n = xy.length / 2;
        for (int i = 0; i < n; i++) {
            s += xy[2 * i + axis];
        }
        return s / n;
    }

    private static double moment(float[] xy, int axis, double centre, int power) {
        double s = 0;
        int n = xy.length / 2;
        for (int i = 0; i < n; i++) {
            s += Math.pow(xy[2 * i + axis] - centre, power);
        }
        return s / n;
    }

    /** Binomial tolerance: 5 standard deviations of a fraction p estimated from n draws. */
    private static double fivesigma(double p, int n) {
        return 5 * Math.sqrt(p * (1 - p) / n);
    }

    @Test
    void everyNameIsRegisteredSeededAndDeterministic() {
        assertEquals(9, Datasets.names().size());
        for (String name : Datasets.names()) {
            Dataset d = Datasets.byName(name);
            assertEquals(name, d.name());
            assertEquals(2, d.dim());
            float[] a = sample(d, 42, 500);
            float[] b = sample(Datasets.byName(name), 42, 500);
            float[] c = sample(d, 43, 500);
            assertArrayEquals(a, b, name);
            assertFalse(java.util.Arrays.equals(a, c), name);
            for (float v : a) {
                assertTrue(Float.isFinite(v), name);
            }
        }
    }

    @Test
    void twentyFiveGaussiansHas25EqualModesOnTheScaledGrid() {
        float[] xy = sample(Datasets.byName("25gaussians"), 3, N);
        double spacing = 2.0 / 2.828;
        assertEquals(spacing, TwentyFiveGaussians.SPACING, 1e-12);
        int[] counts = new int[25];
        double sq = 0;
        double maxOff = 0;
        for (int i = 0; i < N; i++) {
            double x = xy[2 * i] / spacing;
            double y = xy[2 * i + 1] / spacing;
            long gx = Math.round(x);
            long gy = Math.round(y);
            assertTrue(Math.abs(gx) <= 2 && Math.abs(gy) <= 2);
            counts[(int) ((gx + 2) * 5 + gy + 2)]++;
            double dx = xy[2 * i] - gx * spacing;
            double dy = xy[2 * i + 1] - gy * spacing;
            sq += dx * dx + dy * dy;
            maxOff = Math.max(maxOff, Math.max(Math.abs(dx), Math.abs(dy)));
        }
        for (int c : counts) {
            assertEquals(1.0 / 25, (double) c / N, fivesigma(1.0 / 25, N));
        }
        // Within-mode std 0.05 / 2.828 per coordinate; nothing strays near the half-way line between modes.
        assertEquals(0.05 / 2.828, Math.sqrt(sq / (2 * N)), 3e-4);
        assertTrue(maxOff < 0.15, "max offset " + maxOff);
        assertEquals(0, mean(xy, 0), 0.01);
        assertEquals(0, mean(xy, 1), 0.01);
    }

    @Test
    void checkerboardIsUniformOnTheEightBlackSquares() {
        float[] xy = sample(Datasets.byName("checkerboard"), 4, N);
        int[] counts = new int[16];
        int[][] quarterCounts = new int[16][4];
        for (int i = 0; i < N; i++) {
            double x = xy[2 * i];
            double y = xy[2 * i + 1];
            assertTrue(x >= -4 && x <= 4 && y >= -4 && y <= 4);
            int ci = (int) Math.floor((Math.min(x, 3.9999999) + 4) / 2);
            int cj = (int) Math.floor((Math.min(y, 3.9999999) + 4) / 2);
            assertEquals(0, (ci + cj) % 2, "point (" + x + ", " + y + ") in a white square");
            counts[ci * 4 + cj]++;
            // Which quarter of its square: uniformity inside the square.
            double fx = (x + 4) / 2 - ci;
            double fy = (y + 4) / 2 - cj;
            quarterCounts[ci * 4 + cj][(fx < 0.5 ? 0 : 1) + (fy < 0.5 ? 0 : 2)]++;
        }
        for (int ci = 0; ci < 4; ci++) {
            for (int cj = 0; cj < 4; cj++) {
                int c = counts[ci * 4 + cj];
                if ((ci + cj) % 2 == 0) {
                    assertEquals(1.0 / 8, (double) c / N, fivesigma(1.0 / 8, N));
                    for (int q = 0; q < 4; q++) {
                        assertEquals(0.25, (double) quarterCounts[ci * 4 + cj][q] / c, fivesigma(0.25, c));
                    }
                } else {
                    assertEquals(0, c);
                }
            }
        }
        // Uniform on the board's black half: mean 0, variance of U[-4, 4] = 16/3 per coordinate.
        assertEquals(0, mean(xy, 0), 0.05);
        assertEquals(0, mean(xy, 1), 0.05);
        assertEquals(16.0 / 3, moment(xy, 0, 0, 2), 0.08);
        assertEquals(16.0 / 3, moment(xy, 1, 0, 2), 0.08);
    }

    /** Distance from p to the nearest point of the arm ±(−s cos s, s sin s)/3, s in [0, 3π], on a fine grid of s. */
    private static double distanceToArm(double px, double py, double sign) {
        double best = Double.MAX_VALUE;
        int steps = 20_000;
        for (int k = 0; k <= steps; k++) {
            double s = TwoSpirals.MAX_TURN * k / steps;
            double cx = sign * -Math.cos(s) * s / 3;
            double cy = sign * Math.sin(s) * s / 3;
            double dx = px - cx;
            double dy = py - cy;
            best = Math.min(best, dx * dx + dy * dy);
        }
        return Math.sqrt(best);
    }

    @Test
    void twoSpiralsLieOnTheTwoArmsAndAreSymmetric() {
        // Noise-free: every point within the offset square's diagonal 0.5·√2/3 of one arm, and each arm gets half.
        int n = 1000;
        float[] clean = sample(new TwoSpirals(0), 5, n);
        int first = 0;
        double bound = 0.5 * Math.sqrt(2) / 3 + 1e-3; // plus the grid's resolution
        for (int i = 0; i < n; i++) {
            double d1 = distanceToArm(clean[2 * i], clean[2 * i + 1], 1);
            double d2 = distanceToArm(clean[2 * i], clean[2 * i + 1], -1);
            assertTrue(Math.min(d1, d2) <= bound, "point " + i + " at " + Math.min(d1, d2));
            if (d1 < d2) {
                first++;
            }
        }
        assertEquals(0.5, (double) first / n, fivesigma(0.5, n) + 0.01);
        // The usual set (noise 0.1): symmetric under p -> -p, so mean 0 and odd moments 0.
        float[] xy = sample(Datasets.byName("2spirals"), 6, N);
        assertEquals(0, mean(xy, 0), 0.02);
        assertEquals(0, mean(xy, 1), 0.02);
        assertEquals(0, moment(xy, 0, 0, 3), 0.05);
        assertEquals(0, moment(xy, 1, 0, 3), 0.05);
        double maxRadius = 0;
        for (int i = 0; i < N; i++) {
            maxRadius = Math.max(maxRadius, Math.hypot(xy[2 * i], xy[2 * i + 1]));
        }
        assertTrue(maxRadius < Math.PI + 0.3 + 0.6, "max radius " + maxRadius);
    }

    @Test
    void swissRollRadiusGrowsLinearlyWithItsAngle() {
        // Noise-free: a point at radius r = t/5 sits at polar angle t (mod 2π), t in [1.5π, 4.5π).
        int n = 5000;
        float[] clean = sample(new SwissRoll(0), 7, n);
        for (int i = 0; i < n; i++) {
            double x = clean[2 * i];
            double y = clean[2 * i + 1];
            double t = 5 * Math.hypot(x, y);
            assertTrue(t >= SwissRoll.MIN_T - 1e-4 && t <= SwissRoll.MAX_T + 1e-4, "t " + t);
            double expected = t * 0.2 * Math.cos(t);
            double expectedY = t * 0.2 * Math.sin(t);
            assertEquals(expected, x, 1e-5);
            assertEquals(expectedY, y, 1e-5);
        }
        // With the usual noise, E|p|·5 is the mean of t plus a small noise bias: E[t] = 3π.
        float[] xy = sample(Datasets.byName("swissroll"), 8, N);
        double radius = 0;
        for (int i = 0; i < N; i++) {
            radius += Math.hypot(xy[2 * i], xy[2 * i + 1]);
        }
        assertEquals(3 * Math.PI / 5, radius / N, 0.03);
        // Second moment: E|p|² = (E[t²] + 2·noise²)/25 with E[t²] = (4.5³ − 1.5³)π²/(3·3) = 9.75π².
        double sq = moment(xy, 0, 0, 2) + moment(xy, 1, 0, 2);
        assertEquals((9.75 * Math.PI * Math.PI + 2) / 25, sq, 0.05);
    }

    @Test
    void pinwheelHasFiveEqualArmsAtTheDefinedAngles() {
        float[] xy = sample(Datasets.byName("pinwheel"), 9, N);
        int[] counts = new int[5];
        int close = 0;
        double absResidual = 0;
        for (int i = 0; i < N; i++) {
            double x = xy[2 * i];
            double y = xy[2 * i + 1];
            double rho = Math.hypot(x, y);
            // The point sits at polar angle −(2πk/5 + 0.25·e^r) with r ≈ ρ/2; undo the bend and find k.
            double armAngle = -Math.atan2(y, x) - 0.25 * Math.exp(rho / 2);
            double k = armAngle / (2 * Math.PI / 5);
            long nearest = Math.round(k);
            double residual = (k - nearest) * 2 * Math.PI / 5;
            // What is left is the tangential noise's angle atan(τ/r), about 0.1/r.
            if (Math.abs(residual) < 0.3) {
                close++;
            }
            absResidual += Math.abs(residual);
            counts[(int) Math.floorMod(nearest, 5L)]++;
        }
        assertTrue(close > 0.96 * N, "only " + close + " of " + N + " points near an arm");
        assertTrue(absResidual / N < 0.1, "mean |angle residual| " + absResidual / N);
        for (int c : counts) {
            assertEquals(0.2, (double) c / N, fivesigma(0.2, N) + 0.005);
        }
        // Five-fold rotational symmetry: mean 0; radius ≈ 2·E|(r, τ)| ≈ 2.
        assertEquals(0, mean(xy, 0), 0.02);
        assertEquals(0, mean(xy, 1), 0.02);
    }

    @Test
    void pinwheelArmAngleMatchesTheDefinitionExactly() {
        // With the same draws as the class makes, the first point is rotated clockwise by 2πk/5 + 0.25·e^r.
        Rng rng = new Rng(11);
        int arm = rng.nextInt(5);
        double r = 1 + 0.3 * rng.nextGaussian();
        double tau = 0.1 * rng.nextGaussian();
        double a = 2 * Math.PI * arm / 5 + 0.25 * Math.exp(r);
        float[] p = sample(new Pinwheel(), 11, 1);
        assertEquals(2 * (r * Math.cos(a) + tau * Math.sin(a)), p[0], 1e-5);
        assertEquals(2 * (-r * Math.sin(a) + tau * Math.cos(a)), p[1], 1e-5);
    }

    @Test
    void uniformHasTheMomentsOfTheSquare() {
        float[] xy = sample(Datasets.byName("uniform"), 12, N);
        double a = -2;
        double b = 2;
        for (int axis = 0; axis < 2; axis++) {
            for (int i = 0; i < N; i++) {
                float v = xy[2 * i + axis];
                assertTrue(v >= a && v <= b);
            }
            assertEquals((a + b) / 2, mean(xy, axis), 0.02);
            assertEquals((b - a) * (b - a) / 12, moment(xy, axis, 0, 2), 0.03);
            assertEquals(0, moment(xy, axis, 0, 3), 0.05);
            assertEquals(Math.pow(b - a, 4) / 80, moment(xy, axis, 0, 4), 0.1);
        }
        double xy1 = 0;
        for (int i = 0; i < N; i++) {
            xy1 += xy[2 * i] * xy[2 * i + 1];
        }
        assertEquals(0, xy1 / N, 0.03);
        float[] shifted = sample(new UniformSquare(1, 3), 13, N);
        assertEquals(2, mean(shifted, 0), 0.01);
        assertEquals(4.0 / 12, moment(shifted, 1, 2, 2), 0.01);
    }
}
