package flowplay.server.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import flowplay.server.runs.Progress;
import flowplay.server.runs.RunEvents.Slot;
import flowplay.server.runs.RunStatus;

/**
 * The JSON text of one run's newest state and progress frames, written once per publication and shared by all of its
 * subscribers: with a classroom watching one run, encoding each frame per socket was most of the stream's cost.
 */
final class FrameTexts {
    private record Encoded(long seq, String text) {
    }

    private final ObjectMapper mapper;
    private volatile Encoded state;
    private volatile Encoded progress;

    FrameTexts(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    String state(Slot<RunStatus> slot) {
        Encoded e = state;
        if (e == null || e.seq() != slot.seq()) {
            e = new Encoded(slot.seq(), write(RunJson.state(slot.value())));
            state = e; // a race only encodes the same frame twice
        }
        return e.text();
    }

    String progress(Slot<Progress> slot) {
        Encoded e = progress;
        if (e == null || e.seq() != slot.seq()) {
            e = new Encoded(slot.seq(), write(RunJson.progress(slot.value(), slot.publishedMillis())));
            progress = e;
        }
        return e.text();
    }

    private String write(Object json) {
        try {
            return mapper.writeValueAsString(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
