package flowplay.web.ui;

import flowplay.web.render.Renderer;
import org.teavm.jso.dom.html.HTMLElement;

/**
 * {@code #renderer}: the renderer in use as text and as {@code data-renderer} (the page contract), and, for Canvas2D,
 * why WebGPU was not used as its tooltip.
 */
public final class RendererBadge {
    private final HTMLElement element;
    private String fallbackReason = "";

    public RendererBadge(HTMLElement element) {
        this.element = element;
        Dom.setText(element, "choosing renderer…");
    }

    /** Heard before the Canvas2D renderer is shown, so the tooltip can say why. */
    public void fallbackReason(String reason) {
        fallbackReason = reason;
    }

    public void show(Renderer renderer) {
        boolean gpu = "webgpu".equals(renderer.name());
        Dom.setText(element, gpu ? "WebGPU" : "Canvas2D");
        element.setAttribute("data-renderer", renderer.name());
        element.setAttribute("title", gpu ? "Drawn with WebGPU" : "Drawn with Canvas2D: " + fallbackReason);
    }
}
