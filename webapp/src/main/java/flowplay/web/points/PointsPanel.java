package flowplay.web.points;

import flowplay.core.data.PointsFormatException;
import flowplay.core.data.UserPoints;
import flowplay.web.PageErrors;
import flowplay.web.ui.Dom;
import flowplay.web.ui.SettingsForm;
import org.teavm.jso.JSBody;
import org.teavm.jso.JSFunctor;
import org.teavm.jso.JSObject;
import org.teavm.jso.browser.Window;
import org.teavm.jso.dom.events.Event;
import org.teavm.jso.dom.html.HTMLElement;

/**
 * "Your points": {@code #points-file} uploads a CSV (checked by the shared {@code PointsParser} under the server's
 * limits), {@code #clear-points} empties the set, and {@code #points-message} says what the page holds
 * ({@code data-state} = {@code empty}, {@code loaded}, {@code drawing} or {@code error}; {@code data-count};
 * {@code data-in-link}). A bad file is the user's mistake, not a page error: its message goes there and the previous
 * points stay. Every change selects the {@code points} data set and rewrites the link: sets of up to
 * {@link HashPoints#MAX_POINTS} points are kept in it, larger ones are not, and the message says which.
 */
public final class PointsPanel {
    private final HTMLElement input;
    private final HTMLElement message;
    private final PointSet points;
    private final SettingsForm settings;
    private final Runnable edited;

    /** @param edited hears every change of the points (the picture redraws its data set) */
    public PointsPanel(HTMLElement input, HTMLElement clear, HTMLElement message, PointSet points, SettingsForm settings,
            Runnable edited) {
        this.input = input;
        this.message = message;
        this.points = points;
        this.settings = settings;
        this.edited = edited;
        input.addEventListener("change", (Event e) -> PageErrors.guarded("upload points", this::upload));
        clear.addEventListener("click", (Event e) -> PageErrors.guarded("clear points", this::clear));
        // After the settings form has applied a new hash (its listener was added first).
        Window.current().addEventListener("hashchange", (Event e) -> PageErrors.guarded("points in the link", this::fromHash));
        fromHash();
        if (!"error".equals(message.getAttribute("data-state"))) {
            describe(points.count() == 0 ? "empty" : "loaded");
        }
    }

    /** The link's points, when it has any: a damaged value is reported and ignored. */
    private void fromHash() {
        String value = settings.hashExtra(HashPoints.KEY);
        if (value == null) {
            return;
        }
        try {
            points.replace(HashPoints.decode(value));
        } catch (IllegalArgumentException e) {
            show("error", "The points in the link are damaged and were not used: " + e.getMessage());
            return;
        }
        if (UserPoints.NAME.equals(settings.trainValue("dataset"))) {
            edited.run();
        }
        describe("loaded");
    }

    void drawingStarted() {
        settings.chooseTrain("dataset", UserPoints.NAME);
        describe("drawing");
        edited.run();
    }

    void pointAdded() {
        edited.run();
        describe("drawing");
    }

    void strokeEnded() {
        commit();
        describe("drawing");
    }

    void full() {
        show("error", "At most " + UserPoints.MAX_POINTS + " points: this one was not added");
    }

    private void clear() {
        points.clear();
        commit();
        edited.run();
        describe("empty");
    }

    private void upload() {
        double size = fileSize(input);
        if (size < 0) {
            return;
        }
        String name = fileName(input);
        if (size > UserPoints.MAX_BYTES) {
            refuse(name, "too many bytes: " + (long) size + " > " + UserPoints.MAX_BYTES);
            return;
        }
        show("reading", "Reading " + name + "…");
        readText(input, text -> PageErrors.guarded("upload points", () -> parsed(name, text)),
                why -> PageErrors.guarded("upload points", () -> refuse(name, "the file could not be read: " + why)));
    }

    private void parsed(String name, String text) {
        Dom.setValue(input, ""); // choosing the same file again reads it again
        float[] xy;
        try {
            xy = UserPoints.parse(text);
        } catch (PointsFormatException e) {
            refuse(name, e.getMessage());
            return;
        }
        points.replace(xy);
        settings.chooseTrain("dataset", UserPoints.NAME);
        commit();
        edited.run();
        describe("loaded");
    }

    private void refuse(String name, String why) {
        Dom.setValue(input, "");
        show("error", name + " was not used: " + why + ". "
                + (points.count() > 0 ? "The previous " + points.count() + " points are kept." : "No points yet."));
    }

    /** Puts the points into the link when they fit it, and takes them out otherwise. */
    private void commit() {
        settings.setHashExtra(HashPoints.KEY, points.count() == 0 ? null : HashPoints.encode(points.values(), points.count()));
    }

    private boolean inLink() {
        return points.count() > 0 && HashPoints.encode(points.values(), points.count()) != null;
    }

    private void describe(String state) {
        int n = points.count();
        String text;
        if (n == 0) {
            text = "No points yet: upload a CSV of x,y lines or press Draw and click on the plot.";
        } else {
            text = n + (n == 1 ? " point" : " points") + (inLink() ? " · kept in the link (rounded to 0.01)"
                    : " · not kept in the link (it holds at most " + HashPoints.MAX_POINTS + " points within ±327)")
                    + (n < UserPoints.MIN_POINTS ? " · at least " + UserPoints.MIN_POINTS + " are needed to train" : "");
        }
        show(state, text);
    }

    private void show(String state, String text) {
        Dom.setText(message, text);
        message.setAttribute("data-state", state);
        message.setAttribute("data-count", Integer.toString(points.count()));
        message.setAttribute("data-in-link", Boolean.toString(inLink()));
        message.setHidden(false);
    }

    @JSFunctor
    interface TextHandler extends JSObject {
        void handle(String text);
    }

    @JSFunctor
    interface FailureHandler extends JSObject {
        void handle(String why);
    }

    @JSBody(params = {"input", "done", "failed"}, script = "var f = input.files && input.files[0]; if (!f) return;"
            + "var r = new FileReader();"
            + "r.onload = function() { done(String(r.result)); };"
            + "r.onerror = function() { failed(String(r.error)); };"
            + "r.readAsText(f);")
    private static native void readText(HTMLElement input, TextHandler done, FailureHandler failed);

    /** The chosen file's size in bytes, or -1 when none is chosen. */
    @JSBody(params = "input", script = "var f = input.files && input.files[0]; return f ? f.size : -1;")
    private static native double fileSize(HTMLElement input);

    @JSBody(params = "input", script = "var f = input.files && input.files[0]; return f ? f.name : 'file';")
    private static native String fileName(HTMLElement input);
}
