package flowplay.web.field;

import org.teavm.jso.JSBody;

/** Milliseconds from the page's monotonic clock, for the density's timing attribute. */
final class FieldClock {
    private FieldClock() {
    }

    @JSBody(script = "return performance.now();")
    static native double now();
}
