package flowplay.web.ui;

import flowplay.web.PageErrors;
import flowplay.web.net.BinaryGet;
import org.teavm.jso.dom.events.Event;
import org.teavm.jso.dom.html.HTMLElement;

/**
 * {@code #pretrained}: small checkpoints shipped with the page (web/pretrained/, made by the project's own
 * {@code train}; see the README there), so a visitor sees a working model before training anything. A choice is
 * downloaded and handed to the {@link CheckpointLoader}, the same path as a file the user loads.
 */
public final class Pretrained {
    private final HTMLElement select;
    private final CheckpointLoader loader;
    private final DownloadLink link;

    public Pretrained(HTMLElement select, CheckpointLoader loader, DownloadLink link) {
        this.select = select;
        this.loader = loader;
        this.link = link;
        select.addEventListener("change", (Event e) -> PageErrors.guarded("pretrained", this::chosen));
    }

    /** Shows a bundled model as if the user had picked it in the select. */
    public void choose(String name) {
        Dom.setValue(select, name);
        chosen();
    }

    private void chosen() {
        String name = Dom.value(select);
        if (name == null || name.isEmpty()) {
            return;
        }
        String file = name + ".safetensors";
        String url = "pretrained/" + file;
        loader.show("reading", "Reading " + file + "…");
        BinaryGet.fetch(url, bytes -> PageErrors.guarded("pretrained", () -> {
            if (bytes == null) {
                loader.show("error", "Could not download " + file);
            } else if (loader.load(file, bytes)) {
                link.show(url);
            }
        }));
    }
}
