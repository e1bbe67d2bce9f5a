package flowplay.server.load;

import java.util.Arrays;

/** Millisecond samples from many threads; percentiles are read once the phase is over. */
final class Latencies {
    private long[] samples = new long[1 << 16];
    private int count;

    synchronized void add(long millis) {
        if (count == samples.length) {
            samples = Arrays.copyOf(samples, count * 2);
        }
        samples[count++] = millis;
    }

    synchronized int count() {
        return count;
    }

    /** The p-th percentile (nearest rank, p in (0, 100]); -1 when there are no samples. */
    synchronized long percentile(double p) {
        if (count == 0) {
            return -1;
        }
        long[] sorted = Arrays.copyOf(samples, count);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * count);
        return sorted[Math.max(0, Math.min(count, rank) - 1)];
    }
}
