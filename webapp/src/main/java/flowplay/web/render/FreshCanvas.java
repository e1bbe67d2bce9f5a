package flowplay.web.render;

import org.teavm.jso.JSBody;
import org.teavm.jso.dom.html.HTMLCanvasElement;

/**
 * A canvas keeps the first kind of context it gave out ("2d" or "webgpu") for life. To draw it the other way, the page
 * puts a fresh canvas in its place: same attributes (id, class, size, the page contract's data-*), no context yet.
 */
public final class FreshCanvas {
    private FreshCanvas() {
    }

    /** Replaces {@code canvas} in the document with a copy that has no context, and returns the copy. */
    public static HTMLCanvasElement replace(HTMLCanvasElement canvas) {
        HTMLCanvasElement fresh = copy(canvas);
        if (canvas.getParentNode() != null) {
            canvas.getParentNode().replaceChild(fresh, canvas);
        }
        return fresh;
    }

    /** cloneNode copies attributes and children but never a context, which is exactly the copy needed. */
    @JSBody(params = "canvas", script = "return canvas.cloneNode(false);")
    private static native HTMLCanvasElement copy(HTMLCanvasElement canvas);
}
