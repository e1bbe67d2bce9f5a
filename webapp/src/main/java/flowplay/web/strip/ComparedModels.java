package flowplay.web.strip;

import flowplay.core.json.Json;
import flowplay.web.PageErrors;
import flowplay.web.ui.Dom;
import flowplay.web.ui.SettingsForm;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.teavm.jso.ajax.XMLHttpRequest;
import org.teavm.jso.dom.html.HTMLElement;
import org.teavm.jso.dom.html.HTMLOptionElement;
import org.teavm.jso.dom.html.HTMLSelectElement;

/**
 * The side-by-side models: up to {@link #ROWS} {@link ComparedModel} choices ({@code #strip-compare},
 * {@code #strip-compare-2}), each one more strip row on the same noise and N. Both list the server's runs that have a
 * checkpoint ({@code GET /api/runs}, asked again whenever the shown model changes, so a new run appears) and the bundled
 * checkpoints of {@code #pretrained}. The choices live in the URL hash as {@code compare=ADDRESS,ADDRESS} (a bare run
 * id, the older form, means {@code run/ID}); a pasted link chooses them again once the lists hold them.
 */
final class ComparedModels {
    static final String COMPARE = "compare";
    static final int ROWS = 2;

    /** A loaded row model and its label. */
    record Row(StripModel model, String label) {
    }

    private final ComparedModel[] choices = new ComparedModel[ROWS];
    private final SettingsForm settings;
    private final Runnable changed;
    private final List<ComparedModel.Choice> bundled = new ArrayList<>();
    /** The models a pasted link compares with, until the run list has been seen. */
    private List<String> linked;

    ComparedModels(HTMLElement card, Runnable changed, SettingsForm settings) {
        this.settings = settings;
        this.changed = changed;
        String tooltip = "Another model — a run of this server or a bundled checkpoint — drawn in one more row on the same noise and N";
        choices[0] = new ComparedModel(card, "strip-compare", "compare with", tooltip, this::chosen);
        choices[1] = new ComparedModel(card, "strip-compare-2", "and with", tooltip, this::chosen);
        HTMLSelectElement pretrained = (HTMLSelectElement) Dom.byId("pretrained");
        for (int i = 0; i < pretrained.getOptions().getLength(); i++) {
            HTMLOptionElement o = pretrained.getOptions().item(i);
            if (!o.getValue().isEmpty()) {
                bundled.add(new ComparedModel.Choice("pretrained/" + o.getValue(), "bundled · " + o.getText()));
            }
        }
        for (ComparedModel c : choices) {
            c.list(bundled);
        }
        String hash = settings.hashExtra(COMPARE);
        linked = hash == null ? null : addresses(hash);
        refresh();
    }

    /** The loaded models in row order. */
    List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        for (ComparedModel c : choices) {
            if (c.model() != null) {
                rows.add(new Row(c.model(), c.label()));
            }
        }
        return rows;
    }

    /** Chooses these models for the rows (the rest none), as the "Why fast?" preset does. */
    void choose(String... addresses) {
        for (int i = 0; i < ROWS; i++) {
            choices[i].choose(i < addresses.length ? addresses[i] : "");
        }
    }

    /** Lists the runs again, keeping the choices; then applies a pasted link's choices once. */
    void refresh() {
        XMLHttpRequest xhr = new XMLHttpRequest();
        xhr.open("GET", "/api/runs");
        xhr.onLoadEnd(e -> PageErrors.guarded("compared models", () -> {
            if (xhr.getStatus() == 200) {
                List<ComparedModel.Choice> list = new ArrayList<>();
                for (Object o : (List<?>) Json.parse(xhr.getResponseText())) {
                    Map<?, ?> run = (Map<?, ?>) o;
                    if (run.get("checkpointStep") != null) {
                        Object s = run.get("settings");
                        Object dataset = s instanceof Map ? ((Map<?, ?>) s).get("dataset") : null;
                        list.add(new ComparedModel.Choice("run/" + run.get("id"), "run " + run.get("id") + " · " + dataset + " · "
                                + run.get("state")));
                    }
                }
                list.addAll(bundled);
                for (ComparedModel c : choices) {
                    c.list(list);
                }
            }
            if (linked != null) {
                List<String> wanted = linked;
                linked = null;
                choose(wanted.toArray(new String[0]));
            }
        }));
        xhr.send();
    }

    private void chosen() {
        StringBuilder value = new StringBuilder();
        for (ComparedModel c : choices) {
            if (!c.address().isEmpty()) {
                value.append(value.length() == 0 ? "" : ",").append(c.address());
            }
        }
        settings.setHashExtra(COMPARE, value.length() == 0 ? null : value.toString());
        changed.run();
    }

    /** "a,b" → its entries, a bare run id read as run/ID. */
    static List<String> addresses(String hash) {
        List<String> out = new ArrayList<>();
        for (String part : hash.split(",")) {
            String a = part.trim();
            if (!a.isEmpty() && out.size() < ROWS) {
                out.add(a.indexOf('/') < 0 ? "run/" + a : a);
            }
        }
        return out;
    }
}
