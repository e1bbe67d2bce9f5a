package flowplay.server.limits;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * How many runs each client may start: a token bucket per client key holding up to {@code burst} runs, refilled at
 * {@code perMinute} a minute. One stranger cannot fill the queue for everybody, and a person retraining now and then
 * never notices. A full bucket is the same as none, so full ones are dropped when the map grows (an address seen once
 * costs nothing for long).
 */
public final class ClientRate {
    /** Beyond this many clients, a take() first drops the buckets that have refilled. */
    private static final int SWEEP_AT = 10_000;
    private static final long MINUTE_NANOS = 60_000_000_000L;

    private final int perMinute;
    private final int burst;
    private final LongSupplier nanos;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    /** Tokens as of {@code at} (nanos); fractional, since tokens drip in between whole runs. */
    private record Bucket(double tokens, long at) {
    }

    /** The answer of {@link #take}: allowed, or refused with the whole seconds until a run would be allowed. */
    public record Decision(boolean allowed, long retryAfterSeconds) {
    }

    public ClientRate(int perMinute, int burst) {
        this(perMinute, burst, System::nanoTime);
    }

    /** With a clock of nanoseconds (tests step it by hand). */
    public ClientRate(int perMinute, int burst, LongSupplier nanos) {
        this.perMinute = perMinute;
        this.burst = burst;
        this.nanos = nanos;
    }

    /** Whether a run from {@code client} may start now; when it may, its token is taken. */
    public Decision take(String client) {
        if (perMinute == 0) {
            return new Decision(true, 0);
        }
        long now = nanos.getAsLong();
        if (buckets.size() > SWEEP_AT) {
            sweep(now);
        }
        Decision[] decision = new Decision[1];
        buckets.compute(client, (key, old) -> {
            double tokens = old == null ? burst : refilled(old, now);
            if (tokens >= 1) {
                decision[0] = new Decision(true, 0);
                return new Bucket(tokens - 1, now);
            }
            long waitNanos = (long) Math.ceil((1 - tokens) * MINUTE_NANOS / perMinute);
            decision[0] = new Decision(false, Math.max(1, (waitNanos + 999_999_999L) / 1_000_000_000L));
            return new Bucket(tokens, now);
        });
        return decision[0];
    }

    /** Gives back a token taken for a run that was then not started (refused for another reason). */
    public void refund(String client) {
        if (perMinute == 0) {
            return;
        }
        long now = nanos.getAsLong();
        buckets.computeIfPresent(client, (key, old) -> new Bucket(Math.min(burst, refilled(old, now) + 1), now));
    }

    /** Clients with a bucket that is not full (for tests and metrics). */
    public int clients() {
        sweep(nanos.getAsLong());
        return buckets.size();
    }

    private double refilled(Bucket b, long now) {
        return Math.min(burst, b.tokens() + (double) (now - b.at()) * perMinute / MINUTE_NANOS);
    }

    private void sweep(long now) {
        for (Map.Entry<String, Bucket> e : buckets.entrySet()) {
            if (refilled(e.getValue(), now) >= burst) {
                buckets.remove(e.getKey(), e.getValue()); // only if no take() changed it meanwhile
            }
        }
    }
}
