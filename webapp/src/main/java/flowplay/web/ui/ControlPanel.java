package flowplay.web.ui;

import flowplay.core.settings.Setting;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.teavm.jso.dom.events.Event;
import org.teavm.jso.dom.html.HTMLElement;

/**
 * The controls of one settings table, generated from it: a select per CHOICE, a number input with the table's bounds
 * per INT/FLOAT, the help text as tooltip, and the setting's name as element id (the page contract).
 */
public final class ControlPanel {
    private final List<Setting> table;
    private final Map<String, HTMLElement> controls = new LinkedHashMap<>();
    private final Map<String, HTMLElement> labels = new LinkedHashMap<>();
    /** Controls hidden whatever the choices, because the model on screen does not read them. */
    private final Set<String> withheld = new HashSet<>();

    /** Builds the controls into {@code container}; {@code onChange} hears the setting's name after a committed edit. */
    public ControlPanel(HTMLElement container, List<Setting> table, Consumer<String> onChange) {
        this.table = table;
        for (Setting s : table) {
            HTMLElement control = s.kind() == Setting.Kind.CHOICE ? select(s)
                    : s.kind() == Setting.Kind.INT_LIST ? textInput(s) : numberInput(s);
            control.setAttribute("id", s.name());
            control.setAttribute("name", s.name());
            control.setAttribute("data-default", s.defaultValue());
            control.addEventListener("change", (Event e) -> {
                clearInvalid(s.name());
                showRelevant();
                onChange.accept(s.name());
            });

            HTMLElement label = Dom.create("label", "field");
            label.setAttribute("for", s.name());
            String tooltip = s.help() + " — " + s.allowed() + ", default " + s.defaultValue();
            label.setAttribute("title", tooltip);
            control.setAttribute("title", tooltip);
            HTMLElement name = Dom.create("span", "field-name");
            Dom.setText(name, label(s.name()));
            label.appendChild(name);
            label.appendChild(control);
            container.appendChild(label);
            controls.put(s.name(), control);
            labels.put(s.name(), label);
        }
        showRelevant();
    }

    /**
     * Hides the controls that do not matter for the current choices (β_min unless the scheduler is vp); they keep their
     * values, which still go to the server and the hash, so switching back restores them.
     */
    private void showRelevant() {
        Map<String, String> values = rawValues();
        for (Setting s : table) {
            boolean applies = s.applies(values);
            labels.get(s.name()).setHidden(!applies || withheld.contains(s.name()));
            controls.get(s.name()).setAttribute("data-applies", applies ? "true" : "false");
        }
    }

    /** Hides (or shows again) a control the model on screen does not read; its value stays in the hash. */
    public void withhold(String name, boolean hidden) {
        if (hidden ? withheld.add(name) : withheld.remove(name)) {
            showRelevant();
        }
    }

    public List<Setting> table() {
        return table;
    }

    public boolean has(String name) {
        return controls.containsKey(name);
    }

    /** The values as the user typed them (number inputs give "" for unparseable text), in table order. */
    public Map<String, String> rawValues() {
        Map<String, String> values = new LinkedHashMap<>();
        for (Map.Entry<String, HTMLElement> e : controls.entrySet()) {
            values.put(e.getKey(), Dom.value(e.getValue()).trim());
        }
        return values;
    }

    public String value(String name) {
        return Dom.value(controls.get(name)).trim();
    }

    public void set(String name, String value) {
        Dom.setValue(controls.get(name), value);
        clearInvalid(name);
        showRelevant();
    }

    /** Marks a control as refused, with the reason as its tooltip. */
    public void markInvalid(String name, String message) {
        HTMLElement c = controls.get(name);
        if (c != null) {
            c.setAttribute("aria-invalid", "true");
            c.setAttribute("data-invalid", message);
        }
    }

    public void clearInvalid(String name) {
        HTMLElement c = controls.get(name);
        if (c != null) {
            c.removeAttribute("aria-invalid");
            c.removeAttribute("data-invalid");
        }
    }

    private static HTMLElement select(Setting s) {
        HTMLElement select = Dom.create("select", "control");
        for (String choice : s.choices()) {
            HTMLElement option = Dom.create("option", null);
            option.setAttribute("value", choice);
            Dom.setText(option, choice);
            select.appendChild(option);
        }
        Dom.setValue(select, s.defaultValue());
        return select;
    }

    private static HTMLElement numberInput(Setting s) {
        HTMLElement input = Dom.create("input", "control");
        input.setAttribute("type", "number");
        input.setAttribute("min", Format.plain(s.min()));
        input.setAttribute("max", Format.plain(s.max()));
        // "any" for FLOAT, so the browser does not flag 0.003 as off-step; INT keeps the spinner on whole numbers.
        input.setAttribute("step", s.kind() == Setting.Kind.INT ? "1" : "any");
        input.setAttribute("inputmode", s.kind() == Setting.Kind.INT ? "numeric" : "decimal");
        Dom.setValue(input, s.defaultValue());
        return input;
    }

    /** A list ("1,2,4,8") is typed as text; the table checks it when it is used. */
    private static HTMLElement textInput(Setting s) {
        HTMLElement input = Dom.create("input", "control");
        input.setAttribute("type", "text");
        input.setAttribute("inputmode", "numeric");
        input.setAttribute("spellcheck", "false");
        Dom.setValue(input, s.defaultValue());
        return input;
    }

    /** "sampleSteps" → "sample steps", "checkpointEvery" → "checkpoint every". */
    static String label(String name) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c >= 'A' && c <= 'Z') { // ASCII names; Character's Unicode tables would cost ~10 KB of JS
                sb.append(' ').append((char) (c - 'A' + 'a'));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
