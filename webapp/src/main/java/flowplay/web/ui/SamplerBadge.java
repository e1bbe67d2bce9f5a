package flowplay.web.ui;

import org.teavm.jso.dom.html.HTMLElement;

/**
 * {@code #sampler-path}: which sampler made the main picture's samples, as text and as {@code data-path}
 * ({@code webgpu-compute} or {@code cpu}, the page contract), with the reason when it is the CPU.
 */
public final class SamplerBadge {
    public static final String GPU = "webgpu-compute";
    public static final String CPU = "cpu";

    private final HTMLElement element;

    public SamplerBadge(HTMLElement element) {
        this.element = element;
        Dom.setText(element, "sampling: …");
    }

    public void showGpu() {
        Dom.setText(element, "sampling: WebGPU compute");
        element.setAttribute("data-path", GPU);
        element.setAttribute("data-reason", "");
        element.setAttribute("title", "Samples are integrated on the GPU (WebGPU compute shader)");
    }

    public void showCpu(String reason) {
        Dom.setText(element, "sampling: CPU (TeaVM JS) — " + reason);
        element.setAttribute("data-path", CPU);
        element.setAttribute("data-reason", reason);
        element.setAttribute("title", "Samples are integrated on the CPU: " + reason);
    }
}
