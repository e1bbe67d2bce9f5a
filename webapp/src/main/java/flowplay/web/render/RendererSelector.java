package flowplay.web.render;

import flowplay.web.PageErrors;
import java.util.function.Consumer;
import org.teavm.jso.JSObject;
import org.teavm.jso.browser.Navigator;
import org.teavm.jso.browser.Window;
import org.teavm.jso.dom.events.Event;
import org.teavm.jso.dom.html.HTMLCanvasElement;
import org.teavm.jso.webgpu.GPU;
import org.teavm.jso.webgpu.GPUAdapter;
import org.teavm.jso.webgpu.GPUDevice;

/**
 * Picks the renderer once per page: WebGPU when {@code navigator.gpu} exists, an adapter and a device are obtained and
 * a first frame validates; Canvas2D otherwise (or when forced). Not having WebGPU is normal, not a page error. The
 * WebGPU context is asked for only after a device exists, because a canvas that gave out a "webgpu" context never gives
 * a "2d" one; when that can no longer be avoided, the canvas is replaced by a fresh copy.
 */
public final class RendererSelector {
    /** requestAdapter can hang on broken drivers; after this long the page goes on with Canvas2D. */
    private static final int TIMEOUT_MS = 8000;

    private final Consumer<Renderer> onChosen;
    private final Consumer<String> onFallbackReason;
    private HTMLCanvasElement canvas;
    private boolean decided;
    /** The canvas has handed out its webgpu context: a Canvas2D fallback needs a fresh canvas. */
    private boolean contextTaken;

    private RendererSelector(HTMLCanvasElement canvas, Consumer<Renderer> onChosen, Consumer<String> onFallbackReason) {
        this.canvas = canvas;
        this.onChosen = onChosen;
        this.onFallbackReason = onFallbackReason;
    }

    /**
     * Calls {@code onChosen} exactly once (asynchronously for WebGPU). {@code onFallbackReason} hears why WebGPU was
     * not used, for the badge's tooltip. If a chosen WebGPU device is lost later, {@code onChosen} is called again
     * with a Canvas2D renderer on a fresh canvas, after the loss was reported as a page error.
     */
    public static void select(HTMLCanvasElement canvas, boolean forceCanvas2d, Consumer<Renderer> onChosen,
            Consumer<String> onFallbackReason) {
        RendererSelector s = new RendererSelector(canvas, onChosen, onFallbackReason);
        if (forceCanvas2d) {
            s.fallback("Canvas2D forced by renderer=canvas2d in the URL");
        } else if (!Navigator.isWebGPUSupported()) {
            s.fallback("this browser has no navigator.gpu");
        } else {
            s.requestAdapter();
        }
    }

    private void requestAdapter() {
        Window.setTimeout(() -> PageErrors.guarded("renderer choice",
                () -> fallback("no WebGPU adapter within " + TIMEOUT_MS / 1000 + " s")), TIMEOUT_MS);
        GPU gpu = Navigator.getGPU();
        gpu.requestAdapter().then(adapter -> {
            if (adapter == null) {
                fallback("no WebGPU adapter");
            } else {
                requestDevice(gpu, adapter);
            }
            return null;
        }, error -> {
            fallback("requestAdapter failed: " + PageErrors.describe((JSObject) error));
            return null;
        });
    }

    private void requestDevice(GPU gpu, GPUAdapter adapter) {
        adapter.requestDevice().then(device -> {
            if (device == null) {
                fallback("no WebGPU device");
            } else if (decided) {
                device.destroy();
            } else {
                useDevice(gpu, device);
            }
            return null;
        }, error -> {
            fallback("requestDevice failed: " + PageErrors.describe((JSObject) error));
            return null;
        });
    }

    private void useDevice(GPU gpu, GPUDevice device) {
        watch(device);
        WebGpuRenderer renderer;
        device.pushErrorScope("validation");
        // The renderer takes the canvas's webgpu context: from here on the canvas can no longer draw 2d.
        contextTaken = true;
        try {
            renderer = new WebGpuRenderer(new GpuPlot(device, gpu.getPreferredCanvasFormat()), canvas);
            renderer.clear();
        } catch (RuntimeException e) {
            device.popErrorScope();
            device.destroy();
            replaceCanvas();
            fallback("WebGPU set-up failed: " + e.getMessage());
            return;
        }
        WebGpuRenderer ready = renderer;
        device.popErrorScope().then(error -> {
            if (error != null) {
                device.destroy();
                replaceCanvas();
                fallback("WebGPU pipeline invalid: " + error.getMessage());
            } else if (!decided) {
                decided = true;
                onChosen.accept(ready);
            } else {
                device.destroy(); // the timeout chose Canvas2D meanwhile, on a fresh canvas
            }
            return null;
        }, error -> {
            replaceCanvas();
            fallback("WebGPU validation failed: " + PageErrors.describe((JSObject) error));
            return null;
        });
    }

    /** Device loss and uncaptured errors are page errors: they mean the picture on screen may be wrong. */
    private void watch(GPUDevice device) {
        device.addEventListener("uncapturederror", (Event e) -> {
            GPUDevice.Error error = ((GPUDevice.UncapturedErrorEvent) e).getError();
            PageErrors.report("WebGPU error: " + (error == null ? "unknown" : error.getMessage()));
        });
        device.getLost().then(info -> {
            if (!"destroyed".equals(info.getReason()) && decided) {
                PageErrors.report("WebGPU device lost (" + info.getReason() + "): " + info.getMessage());
                replaceCanvas();
                onFallbackReason.accept("the WebGPU device was lost");
                onChosen.accept(new Canvas2dRenderer(canvas));
            }
            return null;
        }, error -> {
            PageErrors.report("WebGPU device.lost rejected: " + PageErrors.describe((JSObject) error));
            return null;
        });
    }

    private void fallback(String reason) {
        if (decided) {
            return;
        }
        decided = true;
        if (contextTaken) {
            // A device arrived just as the timeout fired: its context holds the canvas, which can no longer draw 2d.
            replaceCanvas();
        }
        onFallbackReason.accept(reason);
        onChosen.accept(new Canvas2dRenderer(canvas));
    }

    /** A canvas that handed out a webgpu context cannot draw 2d. */
    private void replaceCanvas() {
        canvas = FreshCanvas.replace(canvas);
        contextTaken = false;
    }
}
