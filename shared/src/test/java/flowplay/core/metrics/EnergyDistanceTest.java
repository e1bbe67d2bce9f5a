package flowplay.core.metrics;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EnergyDistanceTest {
    @Test
    void nearZeroForTwoSamplesOfOneDistribution() {
        float[] x = Samples.gaussian(1, 1500, 2, 0);
        float[] y = Samples.gaussian(2, 1500, 2, 0);
        double e = EnergyDistance.of(x, 1500, y, 1500, 2);
        assertTrue(e >= 0 && e < 0.01, "energy distance " + e);
        assertEquals(0, EnergyDistance.of(x, 1500, x, 1500, 2), 1e-12);
    }

    @Test
    void matchesTheClosedFormForShiftedOneDimensionalGaussians() {
        int n = 3000;
        for (double delta : new double[] {0.5, 1, 2}) {
            float[] x = Samples.gaussian(3, n, 1, 0);
            float[] y = Samples.gaussian(4, n, 1, delta);
            // X − Y ~ N(−δ, 2): folded normal mean; E|X − X'| = E|Y − Y'| = 2/√π.
            double exy = Math.sqrt(2) * Math.sqrt(2 / Math.PI) * Math.exp(-delta * delta / 4)
                    + delta * (1 - 2 * phi(-delta / Math.sqrt(2)));
            double expected = 2 * exy - 2 * (2 / Math.sqrt(Math.PI));
            assertEquals(expected, EnergyDistance.of(x, n, y, n, 1), 0.03 + 0.03 * expected, "delta " + delta);
        }
    }

    @Test
    void setsOfDifferentSizes() {
        // X = {0}, Y = {1, 3}: 2·(1 + 3)/2 − 0 − (0 + 2 + 2 + 0)/4 = 3.
        assertEquals(3, EnergyDistance.of(new float[] {0}, 1, new float[] {1, 3}, 2, 1), 1e-12);
    }

    @Test
    void withinSetMeanCountsEveryOrderedPair() {
        for (int dim : new int[] {1, 2, 3}) {
            float[] y = Samples.gaussian(5, 37, dim, 0);
            double brute = 0;
            for (int i = 0; i < 37; i++) {
                for (int j = 0; j < 37; j++) {
                    double s = 0;
                    for (int d = 0; d < dim; d++) {
                        double diff = (double) y[i * dim + d] - y[j * dim + d];
                        s += diff * diff;
                    }
                    brute += Math.sqrt(s);
                }
            }
            assertEquals(brute / (37 * 37), EnergyDistance.withinMean(y, 37, dim), 1e-12, "dim " + dim);
            float[] x = Samples.gaussian(6, 20, dim, 0.5);
            assertEquals(EnergyDistance.of(x, 20, y, 37, dim), EnergyDistance.of(x, 20, y, 37, dim, EnergyDistance.withinMean(y, 37, dim)), 0);
        }
    }

    /** Standard normal CDF via erf (Abramowitz–Stegun 7.1.26, error below 1.5e-7). */
    static double phi(double z) {
        double x = Math.abs(z) / Math.sqrt(2);
        double t = 1 / (1 + 0.3275911 * x);
        double poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
        double erf = 1 - poly * Math.exp(-x * x);
        return z >= 0 ? 0.5 * (1 + erf) : 0.5 * (1 - erf);
    }
}
