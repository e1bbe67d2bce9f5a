package flowplay.web;

import flowplay.web.ui.Dom;
import org.teavm.jso.JSBody;
import org.teavm.jso.JSExceptions;
import org.teavm.jso.JSObject;
import org.teavm.jso.browser.Window;
import org.teavm.jso.dom.events.Event;
import org.teavm.jso.dom.html.HTMLElement;

/**
 * Every page error ends up in {@code #error} (text) and its {@code data-error} attribute, so a person sees it and an
 * e2e test fails at once with the message instead of waiting for a drawing that never comes. Errors in JS promise
 * callbacks escape Java {@code catch}, hence the window-level listeners.
 */
public final class PageErrors {
    private static final int KEEP = 5;
    private static final StringBuilder messages = new StringBuilder();
    private static int count;

    private PageErrors() {
    }

    public static void install() {
        Window window = Window.current();
        window.addEventListener("error", (Event e) -> report("script error: " + errorEventMessage(e) + javaException(eventError(e))));
        window.addEventListener("unhandledrejection", (Event e) -> report("unhandled promise rejection: " + rejectionReason(e)
                + javaException(rejectionValue(e))));
    }

    /** Shows a problem that breaks the page (not a user's input mistake: those go to the notices next to the controls). */
    public static void report(String message) {
        count++;
        if (count <= KEEP) {
            if (messages.length() > 0) {
                messages.append('\n');
            }
            messages.append(message);
        }
        consoleError(message);
        HTMLElement element = Dom.document().getElementById("error");
        if (element == null) {
            return;
        }
        String text = count > KEEP ? messages + "\n(" + (count - KEEP) + " more)" : messages.toString();
        Dom.setText(element, text);
        element.setAttribute("data-error", text);
        element.setHidden(false);
    }

    /** Reports a Java exception caught at an event-handler boundary. */
    public static void report(String where, Throwable t) {
        report(where + ": " + javaDescription(t));
    }

    private static String javaDescription(Throwable t) {
        String message = t.getMessage();
        // A JavaScript error wrapped by TeaVM has a class without a name: getSimpleName() would fail on it.
        String name = t.getClass().getName();
        String simple = name == null ? "JavaScript error" : name.substring(name.lastIndexOf('.') + 1);
        return simple + (message == null ? "" : ": " + message);
    }

    /**
     * The Java exception behind an uncaught script error, when there is one: TeaVM throws Java exceptions as JS errors
     * that carry them, and a bare "Uncaught Error" would not say which exception escaped an unguarded callback.
     */
    private static String javaException(JSObject error) {
        Throwable t = error == null ? null : JSExceptions.getJavaException(error);
        return t == null ? "" : " [Java " + javaDescription(t) + "]";
    }

    @JSBody(params = "e", script = "return e.error instanceof Error ? e.error : null;")
    private static native JSObject eventError(Event e);

    @JSBody(params = "e", script = "return e.reason instanceof Error ? e.reason : null;")
    private static native JSObject rejectionValue(Event e);

    /** Event-handler boundary: a Java exception becomes a page error with its context instead of a bare script error. */
    public static void guarded(String where, Runnable action) {
        try {
            action.run();
        } catch (RuntimeException e) {
            report(where, e);
        }
    }

    /** Text of a JS rejection value or error object, whatever it is. */
    @JSBody(params = "reason", script = "if (reason === undefined || reason === null) return String(reason);"
            + "return String(reason.message !== undefined ? reason.message : reason);")
    public static native String describe(JSObject reason);

    @JSBody(params = "e", script = "var m = e.message || (e.error && e.error.message) || String(e.error || 'unknown');"
            + "return e.filename ? m + ' (' + e.filename + ':' + e.lineno + ')' : m;")
    private static native String errorEventMessage(Event e);

    @JSBody(params = "e", script = "var r = e.reason; if (r === undefined || r === null) return String(r);"
            + "return String(r.message !== undefined ? r.message : r);")
    private static native String rejectionReason(Event e);

    @JSBody(params = "message", script = "console.error('[flowplay] ' + message);")
    private static native void consoleError(String message);
}
