package flowplay.web.ui;

import flowplay.web.PageErrors;
import flowplay.web.net.BinaryGet;

/**
 * At start-up, draws the model a pasted link names ({@code model=…} in the hash, a {@link ModelAddress}): downloaded and
 * handed to the {@link CheckpointLoader} like a file, then kept in the hash by the {@link DownloadLink}. A value that
 * is not an address, or a model the server no longer has, is said in {@code #load-message}; the rest of the link
 * still applies.
 */
public final class LinkedModel {
    private LinkedModel() {
    }

    public static void restore(SettingsForm settings, CheckpointLoader loader, DownloadLink link) {
        String address = settings.hashExtra(ModelAddress.KEY);
        if (address == null) {
            return;
        }
        String url = ModelAddress.url(address);
        if (url == null) {
            loader.show("error", "The link's model=" + address + " is not a model address: expected " + ModelAddress.ALLOWED);
            settings.setHashExtra(ModelAddress.KEY, null);
            return;
        }
        loader.show("reading", "Reading the linked model " + address + "…");
        BinaryGet.fetch(url, bytes -> PageErrors.guarded("linked model", () -> {
            if (bytes == null) {
                loader.show("error", "Could not download the linked model " + address + " (" + url + "): the server may no longer "
                        + "have that run");
            } else if (loader.load(address, bytes)) {
                link.show(url);
            }
        }));
    }
}
