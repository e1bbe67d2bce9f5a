package flowplay.web.gpu;

import flowplay.web.PageErrors;
import java.util.function.Consumer;
import org.teavm.jso.JSObject;
import org.teavm.jso.browser.Navigator;
import org.teavm.jso.webgpu.GPUDevice;

/** A WebGPU device for a page that has no renderer to borrow one from (the GPU check and bench pages). */
public final class GpuDevices {
    private GpuDevices() {
    }

    /** Calls {@code ready} with a device, or {@code unavailable} with why there is none; exactly one of them, once. */
    public static void request(Consumer<GPUDevice> ready, Consumer<String> unavailable) {
        if (!Navigator.isWebGPUSupported()) {
            unavailable.accept("this browser has no navigator.gpu");
            return;
        }
        Navigator.getGPU().requestAdapter().then(adapter -> {
            if (adapter == null) {
                unavailable.accept("no WebGPU adapter");
            } else {
                adapter.requestDevice().then(device -> {
                    ready.accept(device);
                    return null;
                }, e -> {
                    unavailable.accept("requestDevice failed: " + PageErrors.describe((JSObject) e));
                    return null;
                });
            }
            return null;
        }, e -> {
            unavailable.accept("requestAdapter failed: " + PageErrors.describe((JSObject) e));
            return null;
        });
    }
}
