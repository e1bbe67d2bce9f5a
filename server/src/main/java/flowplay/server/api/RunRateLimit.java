package flowplay.server.api;

import flowplay.server.limits.ClientRate;
import flowplay.server.limits.Limits;
import flowplay.server.runs.Run;
import io.javalin.http.Context;

import java.util.function.Supplier;

/**
 * The per-client run rate at {@code POST /api/runs}: a client over its rate gets 429 with {@code Retry-After} (the seconds
 * until its next run is allowed) and an error naming {@code runsPerMinute}. Only started runs count: a run refused for
 * any other reason (a bad setting, a full queue) gives its token back.
 */
final class RunRateLimit {
    private final ClientRate rate;
    private final boolean trustProxy;
    private final String allowed;

    RunRateLimit(Limits limits) {
        this.rate = new ClientRate(limits.runsPerMinute(), limits.runBurst());
        this.trustProxy = limits.trustProxy();
        this.allowed = limits.runsPerMinute() == 0 ? "no limit"
                : limits.runsPerMinute() + " runs per minute per client, up to " + limits.runBurst() + " at once";
    }

    /** Starts the run through {@code submit} if the client may start one now. */
    Run submit(Context ctx, Supplier<Run> submit) {
        String client = ClientAddress.of(ctx, trustProxy);
        ClientRate.Decision decision = rate.take(client);
        if (!decision.allowed()) {
            ctx.header("Retry-After", Long.toString(decision.retryAfterSeconds()));
            throw new ApiException(429, "too many runs from your address (" + allowed + "); try again in " + decision.retryAfterSeconds()
                    + " s", "runsPerMinute", allowed);
        }
        try {
            return submit.get();
        } catch (RuntimeException e) {
            rate.refund(client);
            throw e;
        }
    }
}
