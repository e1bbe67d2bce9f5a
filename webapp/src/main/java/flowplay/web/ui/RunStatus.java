package flowplay.web.ui;

import org.teavm.jso.dom.html.HTMLElement;

/** {@code #run-state} (one word, the page contract), the progress line, and the message line for refusals and failures. */
public final class RunStatus {
    private final HTMLElement state;
    private final HTMLElement progress;
    private final HTMLElement message;

    public RunStatus(HTMLElement state, HTMLElement progress, HTMLElement message) {
        this.state = state;
        this.progress = progress;
        this.message = message;
        setState("idle");
    }

    public String state() {
        return state.getAttribute("data-state");
    }

    public void setState(String s) {
        Dom.setText(state, s);
        state.setAttribute("data-state", s);
    }

    public void progress(long step, long totalSteps, double loss, double stepsPerSecond) {
        String text = "step " + step + (totalSteps > 0 ? " / " + totalSteps : "") + " · loss " + Format.significant(loss, 4);
        if (!Double.isNaN(stepsPerSecond) && stepsPerSecond > 0) {
            text += " · " + Format.fixed(stepsPerSecond, 0) + " steps/s";
        }
        Dom.setText(progress, text);
        progress.removeAttribute("data-queue-position");
    }

    /**
     * While the run waits behind others, the progress line says its place in line ({@code data-queue-position} on it);
     * 0 clears that once the run left the queue, leaving any progress text alone.
     */
    public void queuePosition(int position) {
        if (position > 0) {
            Dom.setText(progress, "queued — position " + position + " in line");
            progress.setAttribute("data-queue-position", Integer.toString(position));
        } else if (progress.hasAttribute("data-queue-position")) {
            clearProgress();
        }
    }

    public void clearProgress() {
        progress.removeAttribute("data-queue-position");
        Dom.setText(progress, "");
    }

    /** A refusal or failure the user should read; {@code field} names the setting at fault, if any. */
    public void message(String text, String field) {
        Dom.setText(message, text);
        message.setAttribute("data-message", text);
        if (field != null) {
            message.setAttribute("data-field", field);
        } else {
            message.removeAttribute("data-field");
        }
        message.setHidden(false);
    }

    public void clearMessage() {
        Dom.setText(message, "");
        message.removeAttribute("data-message");
        message.removeAttribute("data-field");
        message.setHidden(true);
    }
}
