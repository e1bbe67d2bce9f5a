package flowplay.web.ui;

import org.teavm.jso.dom.html.HTMLElement;

/**
 * {@code #download-checkpoint}: a plain link to the bytes of the model drawn — the run's newest checkpoint (the stable
 * URL {@code /api/runs/{id}/checkpoint}), the one scrubbed to on the timeline, or a bundled pretrained file. A link,
 * not a script download, so the browser saves it under the server's file name and tests can read {@code href}. The
 * same URL, as a {@link ModelAddress}, goes into the URL hash, so a pasted link draws this model again.
 */
public final class DownloadLink {
    private final HTMLElement link;
    private final SettingsForm settings;

    /** Starts hidden without touching the hash: a model address in a pasted link is read after this. */
    public DownloadLink(HTMLElement link, SettingsForm settings) {
        this.link = link;
        this.settings = settings;
        link.removeAttribute("href");
        link.setHidden(true);
    }

    public void show(String url) {
        link.setAttribute("href", url);
        link.setHidden(false);
        settings.setHashExtra(ModelAddress.KEY, ModelAddress.of(url));
    }

    /** The model drawn has no URL (none, or the user's own file). */
    public void hide() {
        link.removeAttribute("href");
        link.setHidden(true);
        settings.setHashExtra(ModelAddress.KEY, null);
    }
}
