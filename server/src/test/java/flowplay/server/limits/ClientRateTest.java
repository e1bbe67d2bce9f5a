package flowplay.server.limits;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The token buckets on a hand-stepped clock: bursts, refill, Retry-After, refunds and forgetting full buckets. */
class ClientRateTest {
    private static final long SECOND = 1_000_000_000L;
    private final AtomicLong now = new AtomicLong(1_000 * SECOND);

    @Test
    void aBurstThenOneRunPerIntervalWithTheWaitInWholeSeconds() {
        ClientRate rate = new ClientRate(10, 3, now::get);
        for (int i = 0; i < 3; i++) {
            assertTrue(rate.take("a").allowed(), "run " + (i + 1) + " of the burst");
        }
        ClientRate.Decision refused = rate.take("a");
        assertFalse(refused.allowed());
        assertEquals(6, refused.retryAfterSeconds(), "10 a minute: one every 6 s");
        now.addAndGet(4 * SECOND + SECOND / 2);
        assertEquals(2, rate.take("a").retryAfterSeconds(), "1.5 s to go, rounded up");
        now.addAndGet(3 * SECOND / 2);
        assertTrue(rate.take("a").allowed());
        assertFalse(rate.take("a").allowed());
        assertTrue(rate.take("b").allowed(), "another client has its own bucket");
    }

    @Test
    void aRefundGivesTheTokenBackAndZeroMeansNoLimit() {
        ClientRate rate = new ClientRate(1, 1, now::get);
        assertTrue(rate.take("a").allowed());
        rate.refund("a");
        assertTrue(rate.take("a").allowed());
        ClientRate.Decision refused = rate.take("a");
        assertFalse(refused.allowed());
        assertEquals(60, refused.retryAfterSeconds());
        ClientRate off = new ClientRate(0, 1, now::get);
        for (int i = 0; i < 100; i++) {
            assertTrue(off.take("a").allowed());
        }
    }

    @Test
    void refilledBucketsAreForgotten() {
        ClientRate rate = new ClientRate(60, 2, now::get);
        rate.take("a");
        rate.take("b");
        rate.take("b");
        assertEquals(2, rate.clients());
        now.addAndGet(SECOND);
        assertEquals(1, rate.clients(), "a is full again after a second; b is not yet");
        now.addAndGet(SECOND);
        assertEquals(0, rate.clients());
    }
}
