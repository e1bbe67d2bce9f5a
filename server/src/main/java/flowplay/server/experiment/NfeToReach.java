package flowplay.server.experiment;

/**
 * The NFE a model and solver need to bring the error down to a target, read off the measured curve: the first
 * measured NFE at or below the target, interpolated log-linearly with the measurement before it (errors of a
 * p-th order solver fall as NFE^−p, a straight line in log–log). Infinity when even the largest NFE misses.
 */
public final class NfeToReach {
    private NfeToReach() {
    }

    /** @param nfes increasing; @param errors the (seed-mean) error at each, NaN where not measured */
    public static double of(int[] nfes, double[] errors, double target) {
        int previous = -1;
        for (int i = 0; i < nfes.length; i++) {
            if (Double.isNaN(errors[i])) {
                continue;
            }
            if (errors[i] <= target) {
                if (previous < 0 || !(errors[previous] > target)) {
                    return nfes[i];
                }
                double a = Math.log(errors[previous]);
                double b = Math.log(errors[i]);
                double f = (a - Math.log(target)) / (a - b);
                return Math.exp(Math.log(nfes[previous]) + f * (Math.log(nfes[i]) - Math.log(nfes[previous])));
            }
            previous = i;
        }
        return Double.POSITIVE_INFINITY;
    }
}
