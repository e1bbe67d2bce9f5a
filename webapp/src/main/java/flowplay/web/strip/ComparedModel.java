package flowplay.web.strip;

import flowplay.core.checkpoint.Checkpoint;
import flowplay.web.PageErrors;
import flowplay.web.net.BinaryGet;
import flowplay.web.ui.Dom;
import flowplay.web.ui.ModelAddress;
import java.util.List;
import org.teavm.jso.dom.events.Event;
import org.teavm.jso.dom.html.HTMLElement;

/**
 * One "compare with" choice of the strip: a select of the server's runs and the bundled checkpoints, each by its
 * {@link ModelAddress}; the chosen checkpoint is downloaded and becomes one more strip row on the same noise and N.
 * {@code data-state} on the select: none, loading, loaded or error.
 */
final class ComparedModel {
    /** A listed model: its address and what the select shows. */
    record Choice(String address, String text) {
    }

    private final HTMLElement select;
    private final HTMLElement message;
    private final Runnable changed;
    private StripModel model;
    private String label = "";

    ComparedModel(HTMLElement card, String id, String caption, String tooltip, Runnable changed) {
        this.changed = changed;
        HTMLElement row = Dom.create("label", "strip-compare");
        HTMLElement name = Dom.create("span", "field-name");
        Dom.setText(name, caption);
        row.appendChild(name);
        select = Dom.create("select", "control");
        select.setAttribute("id", id);
        select.setAttribute("title", tooltip);
        select.setAttribute("data-state", "none");
        row.appendChild(select);
        message = Dom.create("span", "strip-status");
        row.appendChild(message);
        card.appendChild(row);
        list(List.of());
        select.addEventListener("change", (Event e) -> PageErrors.guarded("compared model", this::load));
    }

    /** The loaded model, or null for none (or while it downloads). */
    StripModel model() {
        return model;
    }

    /** E.g. "run 3fa2 · step 1500" or "moons-vp-score · step 20000". */
    String label() {
        return label;
    }

    /** The chosen address, "" for none. */
    String address() {
        return Dom.value(select);
    }

    /** Lists "none" and the choices, keeping the current choice when it is still listed. */
    void list(List<Choice> choices) {
        String chosen = Dom.value(select);
        while (select.getFirstChild() != null) {
            select.removeChild(select.getFirstChild());
        }
        option("", "none");
        for (Choice c : choices) {
            option(c.address(), c.text());
        }
        Dom.setValue(select, chosen == null ? "" : chosen);
    }

    /** Chooses an address as a user would; false (and a message) when the list does not hold it. */
    boolean choose(String address) {
        Dom.setValue(select, address);
        if (!address.equals(Dom.value(select))) {
            Dom.setValue(select, "");
            Dom.setText(message, "this page has no model " + address);
            return false;
        }
        load();
        return true;
    }

    private void load() {
        String address = Dom.value(select);
        model = null;
        label = "";
        if (address.isEmpty()) {
            select.setAttribute("data-state", "none");
            Dom.setText(message, "");
            changed.run();
            return;
        }
        String url = ModelAddress.url(address);
        if (url == null) {
            select.setAttribute("data-state", "error");
            Dom.setText(message, address + " is not a model address");
            return;
        }
        select.setAttribute("data-state", "loading");
        BinaryGet.fetch(url, bytes -> PageErrors.guarded("compared model", () -> {
            if (!address.equals(Dom.value(select))) {
                return; // chosen again meanwhile
            }
            if (bytes == null) {
                select.setAttribute("data-state", "error");
                Dom.setText(message, "could not download " + address);
                return;
            }
            Checkpoint c = Checkpoint.fromBytes(bytes);
            if (c.model().dim() != 2) {
                select.setAttribute("data-state", "error");
                Dom.setText(message, address + " is not a 2-D model");
                return;
            }
            String name = address.startsWith("run/") ? "run " + address.substring(4) : address.substring(address.indexOf('/') + 1);
            model = new StripModel(c.velocityField(), address + "@" + c.step(), bytes);
            label = name + " · step " + c.step();
            select.setAttribute("data-state", "loaded");
            Dom.setText(message, label);
            changed.run();
        }));
    }

    private void option(String value, String text) {
        HTMLElement o = Dom.create("option", null);
        o.setAttribute("value", value);
        Dom.setText(o, text);
        select.appendChild(o);
    }
}
