package flowplay.web.ui;

import flowplay.core.checkpoint.Checkpoint;
import flowplay.core.checkpoint.CheckpointFormatException;
import flowplay.core.data.Digits;
import flowplay.web.PageErrors;
import flowplay.web.sampling.SampleView;
import flowplay.web.sampling.SourceNoise;
import org.teavm.jso.JSBody;
import org.teavm.jso.JSFunctor;
import org.teavm.jso.JSObject;
import org.teavm.jso.dom.events.Event;
import org.teavm.jso.dom.html.HTMLElement;
import org.teavm.jso.typedarrays.ArrayBuffer;
import org.teavm.jso.typedarrays.Int8Array;

/**
 * "Load checkpoint…": {@code #checkpoint-file} decodes a local safetensors file in the browser and hands it to the
 * sample view, which draws it like a streamed checkpoint. A file that is not a checkpoint is the user's mistake, not a
 * page error: its {@link CheckpointFormatException} message goes to {@code #load-message} ({@code data-state="error"}).
 */
public final class CheckpointLoader {
    private final HTMLElement input;
    private final HTMLElement message;
    private final SampleView view;
    private final DownloadLink link;

    public CheckpointLoader(HTMLElement input, HTMLElement message, SampleView view, DownloadLink link) {
        this.input = input;
        this.message = message;
        this.view = view;
        this.link = link;
        input.addEventListener("change", (Event e) -> PageErrors.guarded("load checkpoint", this::read));
    }

    private void read() {
        String name = readFirstFile(input,
                buffer -> PageErrors.guarded("load checkpoint", () -> decode(fileName(input), new Int8Array(buffer).copyToJavaArray())),
                why -> PageErrors.guarded("load checkpoint", () -> show("error", "Could not read the file: " + why)));
        if (name != null) {
            show("reading", "Reading " + name + "…");
        }
    }

    private void decode(String name, byte[] bytes) {
        Dom.setValue(input, ""); // choosing the same file again reloads it
        if (load(name, bytes)) {
            link.hide(); // a file of the user's has no URL to share
        }
    }

    /** Decodes and draws a checkpoint's bytes (a file's or a bundled one's); returns whether it is drawn. */
    public boolean load(String name, byte[] bytes) {
        Checkpoint checkpoint;
        try {
            checkpoint = Checkpoint.fromBytes(bytes);
        } catch (CheckpointFormatException e) {
            show("error", name + " is not a Flowplay checkpoint: " + e.getMessage());
            return false;
        }
        int dim = checkpoint.model().dim();
        if (dim != SourceNoise.DIM && dim != Digits.PIXELS) {
            show("error", name + " holds a " + dim + "-D model; the page draws 2-D models and 64-D digits models "
                    + "(sample it with the CLI: flowplay.jar sample --checkpoint …)");
            return false;
        }
        view.load(checkpoint, name);
        show("loaded", "Drawing " + name + ": " + checkpoint.scheduler().name() + " path, " + checkpoint.prediction().id()
                + " prediction" + (checkpoint.step() >= 0 ? ", step " + checkpoint.step() : "")
                + (dim == Digits.PIXELS ? "; digits, condition " + checkpoint.model().condition().id()
                        : checkpoint.model().condition().mask()
                                ? "; an inpainting model: the picture draws it with nothing observed (mask 0), the Inpaint card fixes x or y"
                                : ""));
        return true;
    }

    /** {@code #load-message} with its {@code data-state}. */
    public void show(String state, String text) {
        Dom.setText(message, text);
        message.setAttribute("data-state", state);
        message.setHidden(false);
    }

    @JSFunctor
    interface BufferHandler extends JSObject {
        void handle(ArrayBuffer buffer);
    }

    @JSFunctor
    interface FailureHandler extends JSObject {
        void handle(String why);
    }

    /** Starts reading the chosen file; returns its name, or null when none is chosen. */
    @JSBody(params = {"input", "done", "failed"}, script = "var f = input.files && input.files[0]; if (!f) return null;"
            + "var r = new FileReader();"
            + "r.onload = function() { done(r.result); };"
            + "r.onerror = function() { failed(String(r.error)); };"
            + "r.readAsArrayBuffer(f); return f.name;")
    private static native String readFirstFile(HTMLElement input, BufferHandler done, FailureHandler failed);

    @JSBody(params = "input", script = "var f = input.files && input.files[0]; return f ? f.name : 'file';")
    private static native String fileName(HTMLElement input);
}
