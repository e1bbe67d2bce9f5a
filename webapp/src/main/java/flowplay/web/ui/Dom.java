package flowplay.web.ui;

import org.teavm.jso.JSBody;
import org.teavm.jso.dom.html.HTMLDocument;
import org.teavm.jso.dom.html.HTMLElement;

/** The few DOM look-ups the page needs, failing loudly when the HTML and the code disagree on an id. */
public final class Dom {
    private Dom() {
    }

    public static HTMLDocument document() {
        return HTMLDocument.current();
    }

    public static HTMLElement byId(String id) {
        HTMLElement e = document().getElementById(id);
        if (e == null) {
            throw new IllegalStateException("index.html has no element #" + id);
        }
        return e;
    }

    /** The first element matching a CSS selector, for ids the page contract gives to two elements. */
    public static HTMLElement query(String selector) {
        HTMLElement e = document().querySelector(selector);
        if (e == null) {
            throw new IllegalStateException("index.html has no element " + selector);
        }
        return e;
    }

    public static HTMLElement create(String tag, String className) {
        HTMLElement e = document().createElement(tag);
        if (className != null) {
            e.setClassName(className);
        }
        return e;
    }

    /** An {@code <input type="range">} with its id and bounds, as the page's sliders are built. */
    public static HTMLElement range(String id, String min, String max, String step) {
        HTMLElement input = create("input", null);
        input.setAttribute("type", "range");
        input.setAttribute("id", id);
        input.setAttribute("min", min);
        input.setAttribute("max", max);
        input.setAttribute("step", step);
        return input;
    }

    @JSBody(params = {"element", "text"}, script = "element.textContent = text;")
    public static native void setText(HTMLElement element, String text);

    @JSBody(params = "element", script = "return element.value;")
    public static native String value(HTMLElement element);

    @JSBody(params = {"element", "value"}, script = "element.value = value;")
    public static native void setValue(HTMLElement element, String value);

    @JSBody(params = {"element", "disabled"}, script = "element.disabled = disabled;")
    public static native void setDisabled(HTMLElement element, boolean disabled);

    @JSBody(script = "return window.devicePixelRatio || 1;")
    public static native double devicePixelRatio();
}
