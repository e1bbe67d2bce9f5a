package flowplay.web;

import org.teavm.jso.browser.Window;

/**
 * A drawing that many events may ask for and that runs once for all of them: a burst of checkpoints, progress
 * messages or edits costs one pass, on the newest state.
 */
public final class Redraw {
    private final String where;
    private final Runnable draw;
    private final boolean onFrame;
    private boolean pending;

    private Redraw(String where, Runnable draw, boolean onFrame) {
        this.where = where;
        this.draw = draw;
        this.onFrame = onFrame;
    }

    /** Runs after the events already queued; unlike an animation frame, also in a background tab. */
    public static Redraw afterEvents(String where, Runnable draw) {
        return new Redraw(where, draw, false);
    }

    /** Runs before the next paint: at most one pass per frame shown, however fast the requests come. */
    public static Redraw nextFrame(String where, Runnable draw) {
        return new Redraw(where, draw, true);
    }

    public void request() {
        if (pending) {
            return;
        }
        pending = true;
        if (onFrame) {
            Window.requestAnimationFrame(t -> run());
        } else {
            Window.setTimeout(() -> run(), 0);
        }
    }

    private void run() {
        pending = false;
        PageErrors.guarded(where, draw);
    }
}
