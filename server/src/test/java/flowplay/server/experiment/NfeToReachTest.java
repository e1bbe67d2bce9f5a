package flowplay.server.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class NfeToReachTest {
    private static final int[] NFES = {1, 2, 4, 8, 16, 32, 64, 128};

    @Test
    void aPowerLawCurveGivesTheExactNfeBetweenMeasuredPoints() {
        // error = 3·NFE^−2, the curve of a second-order solver: it reaches 0.01 at NFE = √300.
        double[] errors = new double[NFES.length];
        for (int i = 0; i < NFES.length; i++) {
            errors[i] = 3.0 / (NFES[i] * (double) NFES[i]);
        }
        assertEquals(Math.sqrt(300), NfeToReach.of(NFES, errors, 0.01), 1e-9);
    }

    @Test
    void aTargetMetAtTheFirstMeasuredNfeIsThatNfe() {
        double[] errors = {Double.NaN, Double.NaN, 0.05, 0.01, 0.001, 1e-4, 1e-5, 1e-6};
        assertEquals(4, NfeToReach.of(NFES, errors, 0.1), 0);
    }

    @Test
    void aTargetNeverMetIsInfinite() {
        double[] errors = {1, 0.9, 0.8, 0.7, 0.6, 0.5, 0.4, 0.3};
        assertEquals(Double.POSITIVE_INFINITY, NfeToReach.of(NFES, errors, 0.01));
    }

    @Test
    void spreadIsTheSampleMeanAndStandardDeviationIgnoringNaN() {
        Spread s = Spread.of(new double[] {1, 2, 3, Double.NaN});
        assertEquals(2, s.mean(), 1e-12);
        assertEquals(1, s.sd(), 1e-12);
        assertEquals(3, s.count());
        assertEquals(0, Spread.of(new double[] {5}).sd());
    }
}
