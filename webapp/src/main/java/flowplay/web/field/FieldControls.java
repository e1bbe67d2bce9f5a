package flowplay.web.field;

import flowplay.web.ui.Dom;
import org.teavm.jso.dom.html.HTMLCanvasElement;
import org.teavm.jso.dom.html.HTMLElement;

/**
 * The field view's card, appended to {@code #views}: layer select, t slider, play and density buttons, the canvas and a
 * note. Built in code so that index.html (shared with the other views) only holds the empty container.
 */
final class FieldControls {
    final HTMLElement card;
    final HTMLElement layer;
    final HTMLElement t;
    final HTMLElement tLabel;
    final HTMLElement play;
    final HTMLElement density;
    /** Replaced by a fresh canvas when the painter changes between Canvas2D and WebGPU ({@link FieldView#useGpu}). */
    HTMLCanvasElement plot;
    final HTMLElement note;

    FieldControls(HTMLElement container) {
        card = Dom.create("div", "card field-card");
        card.setId("field-view");
        HTMLElement title = Dom.create("div", "card-title");
        Dom.setText(title, "Field view: the probability path, the velocity field, predicted x1 and the density");
        card.appendChild(title);

        HTMLElement row = Dom.create("div", "field-controls");
        layer = Dom.create("select", null);
        layer.setId("field-layer");
        layer.setAttribute("aria-label", "Layer");
        for (FieldLayer l : FieldLayer.values()) {
            HTMLElement option = Dom.create("option", null);
            option.setAttribute("value", l.id());
            Dom.setText(option, l.label());
            layer.appendChild(option);
        }
        row.appendChild(layer);

        HTMLElement label = Dom.create("label", "field-t");
        label.setAttribute("for", "field-t");
        Dom.setText(label, "t");
        row.appendChild(label);
        t = Dom.range("field-t", "0", "1", "0.005");
        t.setAttribute("value", "0.5");
        row.appendChild(t);
        tLabel = Dom.create("span", "field-t-value");
        row.appendChild(tLabel);

        play = button(row, "field-play", "Play");
        density = button(row, "field-density", "Compute density");
        card.appendChild(row);

        plot = (HTMLCanvasElement) Dom.create("canvas", "field-plot");
        plot.setId("field-plot");
        plot.setWidth(560);
        plot.setHeight(560);
        plot.setAttribute("aria-label", "Field view of the model");
        card.appendChild(plot);

        note = Dom.create("p", "hint field-note");
        note.setId("field-note");
        card.appendChild(note);
        container.appendChild(card);
    }

    private static HTMLElement button(HTMLElement row, String id, String text) {
        HTMLElement b = Dom.create("button", null);
        b.setId(id);
        b.setAttribute("type", "button");
        Dom.setText(b, text);
        row.appendChild(b);
        return b;
    }
}
