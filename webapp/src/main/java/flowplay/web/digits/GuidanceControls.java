package flowplay.web.digits;

import flowplay.core.data.Digits;
import flowplay.web.PageErrors;
import flowplay.web.ui.Dom;
import flowplay.web.ui.SettingsForm;
import org.teavm.jso.dom.events.Event;
import org.teavm.jso.dom.html.HTMLElement;

/**
 * The class picker and the guidance slider of a class-conditional model: buttons all, 0…9 for the {@code label}
 * setting and a range for {@code guidance} (w). They write through the {@link SettingsForm}, as if the user had
 * edited the sample controls, so the URL hash, the side panel and every listener follow; {@link #sync} shows the
 * settings' values (after a hash change too).
 */
final class GuidanceControls {
    private final SettingsForm settings;
    private final HTMLElement row;
    private final HTMLElement[] buttons = new HTMLElement[Digits.CLASSES + 1];
    private final HTMLElement slider;
    private final HTMLElement shown;

    GuidanceControls(HTMLElement parent, SettingsForm settings) {
        this.settings = settings;
        row = Dom.create("div", "digits-controls");
        row.setAttribute("id", "digits-guidance-controls");
        HTMLElement picker = Dom.create("div", "digits-labels");
        picker.setAttribute("id", "digits-label");
        picker.setAttribute("role", "group");
        picker.setAttribute("aria-label", "class asked for (the label setting)");
        for (int k = 0; k <= Digits.CLASSES; k++) {
            String value = k == 0 ? "all" : Integer.toString(k - 1);
            HTMLElement b = Dom.create("button", "digits-label");
            b.setAttribute("type", "button");
            b.setAttribute("data-label", value);
            b.setAttribute("id", "digits-label-" + value);
            Dom.setText(b, value);
            b.addEventListener("click", (Event e) -> PageErrors.guarded("digit class", () -> settings.chooseSample("label", value)));
            buttons[k] = b;
            picker.appendChild(b);
        }
        row.appendChild(picker);
        HTMLElement label = Dom.create("label", "digits-guidance");
        HTMLElement name = Dom.create("span", null);
        Dom.setText(name, "guidance w");
        slider = Dom.range("digits-guidance", "0", "10", "0.1");
        slider.setAttribute("title", "Classifier-free guidance u = (1 + w)·u(x, t | c) − w·u(x, t | ∅) (the guidance setting)");
        shown = Dom.create("span", "digits-guidance-value");
        label.appendChild(name);
        label.appendChild(slider);
        label.appendChild(shown);
        row.appendChild(label);
        // The number while dragging; the solve once the slider is let go (a grid is a solve of 64 digits).
        slider.addEventListener("input", (Event e) -> Dom.setText(shown, Dom.value(slider)));
        slider.addEventListener("change", (Event e) -> PageErrors.guarded("guidance", () -> settings.chooseSample("guidance", Dom.value(slider))));
        parent.appendChild(row);
    }

    void setVisible(boolean visible) {
        row.setHidden(!visible);
    }

    /** Shows the settings' label and guidance. */
    void sync() {
        String label = settings.sampleValue("label");
        for (HTMLElement b : buttons) {
            b.setAttribute("aria-pressed", label.equals(b.getAttribute("data-label")) ? "true" : "false");
        }
        String w = settings.sampleValue("guidance");
        Dom.setValue(slider, w);
        Dom.setText(shown, w);
    }
}
