package flowplay.web.ui;

import org.teavm.jso.dom.html.HTMLElement;

/**
 * {@code #download-checkpoint}: a plain link to the bytes of the model drawn — the run's newest checkpoint (the stable
 * URL {@code /api/runs/{id}/checkpoint}), the one scrubbed to on the timeline, or a bundled pretrained file. A link,
 * not a script download, so the browser saves it under the server's file name and tests can read {@code href}.
 */
public final class DownloadLink {
    private final HTMLElement link;

    public DownloadLink(HTMLElement link) {
        this.link = link;
        hide();
    }

    public void show(String url) {
        link.setAttribute("href", url);
        link.setHidden(false);
    }

    public void hide() {
        link.removeAttribute("href");
        link.setHidden(true);
    }
}
