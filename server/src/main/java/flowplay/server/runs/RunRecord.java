package flowplay.server.runs;

import java.time.Instant;
import java.util.Map;

/**
 * What {@code runs/<id>/run.json} holds: enough to list a run after a restart. {@code finished}, {@code loss} and
 * {@code checkpointStep} may be null.
 */
public record RunRecord(String id, Map<String, String> settings, RunState state, String reason, Instant created,
                        Instant finished, long step, Double loss, Long checkpointStep) {
}
