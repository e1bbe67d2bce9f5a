package flowplay.web.field;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import flowplay.core.model.VelocityField;
import flowplay.core.path.AffinePath;
import flowplay.core.path.GaussianOracle;
import flowplay.core.path.scheduler.CondOt;
import flowplay.core.path.scheduler.Cosine;
import flowplay.core.rng.Rng;
import flowplay.core.solver.TimeGrid;
import org.junit.jupiter.api.Test;

/** The field view's maths on the JVM: the same code TeaVM compiles for the page. */
class FieldMathsTest {

    @Test
    void gridCentresCoverTheBoxRowByRowFromTheBottomLeft() {
        FieldGrid g = new FieldGrid(24, 3);
        float[] c = g.centres();
        assertEquals(2 * 576, c.length);
        assertEquals(0.25, g.cellWidth(), 1e-12);
        assertEquals(-2.875f, c[0], 1e-6f);
        assertEquals(-2.875f, c[1], 1e-6f);
        assertEquals(-2.625f, c[2], 1e-6f, "the next centre is one cell to the right");
        assertEquals(2.875f, c[c.length - 2], 1e-6f);
        assertEquals(2.875f, c[c.length - 1], 1e-6f);
        assertEquals(36.0, g.cells() * g.cellArea(), 1e-9, "the cells tile the box");
    }

    @Test
    void pathFromDataIsTheAffinePathFormula() {
        int n = 50;
        int m = 20; // fewer data points than noise points: the data cycles
        float[] noise = new float[2 * n];
        float[] data = new float[2 * m];
        new Rng(3).fillGaussian(noise, 0, noise.length);
        new Rng(4).fillGaussian(data, 0, data.length);
        float[] x1 = new float[2 * n];
        for (int i = 0; i < n; i++) {
            x1[2 * i] = data[2 * (i % m)];
            x1[2 * i + 1] = data[2 * (i % m) + 1];
        }
        for (double t : new double[] {0, 0.3, 0.75, 1}) {
            float[] times = new float[n];
            java.util.Arrays.fill(times, (float) t);
            float[] expected = new float[2 * n];
            new AffinePath(new Cosine()).sample(noise, x1, times, n, 2, expected, new float[2 * n]);
            float[] out = new float[2 * n];
            DataPath.at(new Cosine(), noise, data, m, n, t, out);
            assertArrayEquals(expected, out, 1e-6f, "t=" + t);
        }
        float[] atZero = new float[2 * n];
        DataPath.at(new CondOt(), noise, data, m, n, 0, atZero);
        assertArrayEquals(java.util.Arrays.copyOf(noise, 2 * n), atZero, "p_0 is the noise itself");
    }

    @Test
    void arrowsSitAtCellCentresAndTheLongestSpansNineTenthsOfACell() {
        VelocityField rotation = new VelocityField() {
            @Override
            public int dim() {
                return 2;
            }

            @Override
            public void velocity(float[] x, float t, int n, float[] out) {
                for (int i = 0; i < n; i++) {
                    out[2 * i] = -x[2 * i + 1];
                    out[2 * i + 1] = x[2 * i];
                }
            }
        };
        FieldGrid g = new FieldGrid(24, 3);
        Arrows a = Arrows.of(rotation, g, 0.5f);
        assertEquals(576, a.count());
        float[] s = a.segments();
        float[] c = g.centres();
        double longest = 0;
        for (int i = 0; i < a.count(); i++) {
            assertEquals(c[2 * i], s[4 * i]);
            assertEquals(c[2 * i + 1], s[4 * i + 1]);
            double dx = s[4 * i + 2] - s[4 * i];
            double dy = s[4 * i + 3] - s[4 * i + 1];
            assertEquals(0, dx * s[4 * i] + dy * s[4 * i + 1], 1e-5, "a rotation's arrows are tangent to circles");
            longest = Math.max(longest, Math.hypot(dx, dy));
        }
        assertEquals(Arrows.LONGEST * g.cellWidth(), longest, 1e-5);
        assertEquals(Math.hypot(2.875, 2.875), a.maxSpeed(), 1e-5);
    }

    @Test
    void modelPathInterpolatesCachedFramesAndClampsToItsInterval() {
        // For a Gaussian target the exact flow is linear in x0: x_t = α_t·μ + sqrt(v_t)·x0 (v_t the variance of p_t).
        double[] mean = {1, -1};
        GaussianOracle oracle = new GaussianOracle(mean, 0.5, new CondOt());
        float[] noise = {0.5f, -0.2f, -1f, 2f};
        ModelPath path = ModelPath.integrate(oracle, noise, 2, TimeGrid.uniform(0, 1, 40));
        assertEquals(0, path.start());
        assertEquals(1, path.end());
        float[] before = new float[4];
        path.at(-1, before);
        assertArrayEquals(noise, before, "before the start: the first frame");
        for (double t : new double[] {0.5, 0.37, 1}) { // 0.37 lies between two frames
            float[] x = new float[4];
            path.at(t, x);
            for (int j = 0; j < 4; j++) {
                double expected = t * mean[j % 2] + Math.sqrt(oracle.variance(t)) * noise[j];
                assertEquals(expected, x[j], 2e-3, "t=" + t + ", coordinate " + j);
            }
        }
        assertEquals(2, path.count());
    }

    @Test
    void densityOfAGaussianFieldHasMassOneInALargeBox() {
        GaussianOracle oracle = new GaussianOracle(new double[] {0.5, -0.5}, 0.6, new CondOt());
        DensityMap d = DensityMap.compute(oracle, new FieldGrid(32, 4), new double[] {0, 1}, 16);
        assertEquals(1.0, d.mass(), 0.02, "Σ p·area over [-4, 4]²");
        // The peak is at the mean with height 1/(2π s²).
        assertEquals(1 / (2 * Math.PI * 0.36), d.max(), 0.05 / (2 * Math.PI * 0.36));
        assertTrue(d.density()[0] < 1e-6, "far corner is empty");

        DensityMap chunked = new DensityMap(oracle, new FieldGrid(32, 4), new double[] {0, 1}, 16);
        while (!chunked.done()) {
            chunked.fill(100); // not a multiple of the row length
        }
        assertArrayEquals(d.density(), chunked.density(), 1e-7f, "solving in chunks changes nothing");
        assertEquals(d.mass(), chunked.mass(), 1e-9);
    }
}
