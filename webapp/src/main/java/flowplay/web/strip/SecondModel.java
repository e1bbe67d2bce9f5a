package flowplay.web.strip;

import flowplay.core.checkpoint.Checkpoint;
import flowplay.core.json.Json;
import flowplay.web.PageErrors;
import flowplay.web.ui.Dom;
import flowplay.web.ui.SettingsForm;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.teavm.jso.ajax.XMLHttpRequest;
import org.teavm.jso.browser.Window;
import org.teavm.jso.dom.events.Event;
import org.teavm.jso.dom.html.HTMLElement;
import org.teavm.jso.typedarrays.ArrayBuffer;
import org.teavm.jso.typedarrays.Int8Array;

/**
 * The side-by-side model: {@code #strip-compare} lists the server's runs that have a checkpoint ({@code GET /api/runs});
 * choosing one downloads its newest checkpoint ({@code GET /api/runs/{id}/checkpoint}) and the strip draws it in a
 * second row on the same noise and N. The list is asked again whenever the shown model changes, so a run that just
 * produced checkpoints appears. The choice is kept in the URL hash as {@code compare=ID}; a pasted link chooses that
 * run again once the list holds it.
 */
final class SecondModel {
    static final String COMPARE = "compare";
    private final HTMLElement select;
    private final HTMLElement message;
    private final Runnable changed;
    private final SettingsForm settings;
    /** The run a pasted link compares with, until the list has been seen. */
    private String linked;
    private StripModel model;
    private String label = "";

    SecondModel(HTMLElement card, Runnable changed, SettingsForm settings) {
        this.changed = changed;
        this.settings = settings;
        this.linked = settings.hashExtra(COMPARE);
        HTMLElement row = Dom.create("label", "strip-compare");
        HTMLElement name = Dom.create("span", "field-name");
        Dom.setText(name, "compare with");
        row.appendChild(name);
        select = Dom.create("select", "control");
        select.setAttribute("id", "strip-compare");
        select.setAttribute("title", "A second model, from another run, drawn in a second row on the same noise and N");
        row.appendChild(select);
        message = Dom.create("span", "strip-status");
        row.appendChild(message);
        card.appendChild(row);
        option("", "none");
        select.addEventListener("change", (Event e) -> PageErrors.guarded("second model", this::choose));
        refresh();
    }

    /** The chosen model, or null for none (or while it downloads). */
    StripModel model() {
        return model;
    }

    /** E.g. "run 3 · moons · step 1500". */
    String label() {
        return label;
    }

    /** Lists the runs again, keeping the choice. */
    void refresh() {
        get("/api/runs", false, xhr -> {
            if (xhr.getStatus() != 200) {
                return; // the list is a convenience: keep the old one
            }
            String chosen = Dom.value(select);
            while (select.getFirstChild() != null) {
                select.removeChild(select.getFirstChild());
            }
            option("", "none");
            for (Object o : (List<?>) Json.parse(xhr.getResponseText())) {
                Map<?, ?> run = (Map<?, ?>) o;
                if (run.get("checkpointStep") == null) {
                    continue;
                }
                Object settings = run.get("settings");
                Object dataset = settings instanceof Map ? ((Map<?, ?>) settings).get("dataset") : null;
                option((String) run.get("id"), "run " + run.get("id") + " · " + dataset + " · " + run.get("state"));
            }
            Dom.setValue(select, chosen);
            if (linked != null) {
                String id = linked;
                linked = null;
                Dom.setValue(select, id);
                if (id.equals(Dom.value(select))) {
                    choose();
                } else {
                    Dom.setValue(select, chosen);
                    Dom.setText(message, "the link compares with run " + id + ", which this server does not have");
                    settings.setHashExtra(COMPARE, null);
                }
            }
        });
    }

    private void choose() {
        String id = Dom.value(select);
        model = null;
        label = "";
        settings.setHashExtra(COMPARE, id.isEmpty() ? null : id);
        if (id.isEmpty()) {
            select.setAttribute("data-state", "none");
            Dom.setText(message, "");
            changed.run();
            return;
        }
        select.setAttribute("data-state", "loading");
        get("/api/runs/" + Window.encodeURIComponent(id) + "/checkpoint", true, xhr -> {
            if (!id.equals(Dom.value(select))) {
                return; // chosen again meanwhile
            }
            if (xhr.getStatus() != 200) {
                select.setAttribute("data-state", "error");
                Dom.setText(message, "could not load run " + id + ": HTTP " + xhr.getStatus());
                return;
            }
            byte[] bytes = new Int8Array((ArrayBuffer) xhr.getResponse()).copyToJavaArray();
            Checkpoint c = Checkpoint.fromBytes(bytes);
            if (c.model().dim() != 2) {
                select.setAttribute("data-state", "error");
                Dom.setText(message, "run " + id + " is not a 2-D model");
                return;
            }
            model = new StripModel(c.velocityField(), "run " + id + " step " + c.step(), bytes);
            label = "run " + id + " · step " + c.step();
            select.setAttribute("data-state", "loaded");
            Dom.setText(message, label);
            changed.run();
        });
    }

    private void option(String value, String text) {
        HTMLElement o = Dom.create("option", null);
        o.setAttribute("value", value);
        Dom.setText(o, text);
        select.appendChild(o);
    }

    private static void get(String url, boolean binary, Consumer<XMLHttpRequest> done) {
        XMLHttpRequest xhr = new XMLHttpRequest();
        xhr.open("GET", url);
        if (binary) {
            xhr.setResponseType("arraybuffer");
        }
        xhr.onLoadEnd(e -> PageErrors.guarded("second model", () -> done.accept(xhr)));
        xhr.send();
    }
}
