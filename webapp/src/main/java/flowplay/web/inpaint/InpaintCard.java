package flowplay.web.inpaint;

import flowplay.web.ui.Dom;
import org.teavm.jso.dom.html.HTMLCanvasElement;
import org.teavm.jso.dom.html.HTMLElement;

/**
 * The inpainting card, put first in {@code #views} (right under the main plot) and hidden unless the model reads an
 * observation mask: the note on the coupling, the fixed coordinate and its value, the plot with the line, the histogram
 * of the inpainted coordinate, and {@code #inpaint-stats} with the page contract's data attributes. Built in code so
 * that index.html only holds the shared empty container.
 */
final class InpaintCard {
    final HTMLElement card;
    final HTMLElement axis;
    final HTMLElement slider;
    final HTMLElement number;
    final HTMLCanvasElement plot;
    final HTMLCanvasElement histogram;
    final HTMLElement caption;
    final HTMLElement stats;
    /** The last inpainted points as CSV (x,y per line), hidden: tests and the curious read it. */
    final HTMLElement csv;

    InpaintCard(HTMLElement container) {
        card = Dom.create("div", "card inpaint-card");
        card.setId("inpaint");
        card.setHidden(true);
        HTMLElement title = Dom.create("div", "card-title");
        Dom.setText(title, "Inpaint: fix one coordinate, sample the other");
        card.appendChild(title);

        HTMLElement note = Dom.create("p", "hint inpaint-note");
        Dom.setText(note, "This model was trained with the dependent coupling π(x0, x1) = p(x0 | x1) p(x1): "
                + "x0 = m⊙x1 + (1−m)⊙noise, and the network also reads the mask m (1 = observed). Here m observes only the "
                + "fixed coordinate: it starts at c and its velocity is zeroed, so it stays exactly c, while the other "
                + "coordinate flows from noise to a sample of p(other | fixed = c). Click the plot to move the line; "
                + "solver, steps and noise seed are the Sample settings' (without em's noise or a schedule change).");
        card.appendChild(note);

        HTMLElement row = Dom.create("div", "inpaint-controls");
        HTMLElement axisLabel = Dom.create("label", null);
        axisLabel.setAttribute("for", "inpaint-axis");
        Dom.setText(axisLabel, "fix");
        row.appendChild(axisLabel);
        axis = Dom.create("select", null);
        axis.setId("inpaint-axis");
        for (String name : new String[] {"x", "y"}) {
            HTMLElement option = Dom.create("option", null);
            option.setAttribute("value", name);
            Dom.setText(option, name + " = c");
            axis.appendChild(option);
        }
        row.appendChild(axis);
        slider = Dom.create("input", null);
        slider.setId("inpaint-value");
        slider.setAttribute("type", "range");
        slider.setAttribute("step", "0.01");
        slider.setAttribute("aria-label", "c, the fixed value");
        row.appendChild(slider);
        number = Dom.create("input", "control inpaint-number");
        number.setId("inpaint-number");
        number.setAttribute("type", "number");
        number.setAttribute("step", "0.01");
        number.setAttribute("aria-label", "c, the fixed value (number)");
        row.appendChild(number);
        card.appendChild(row);

        HTMLElement pictures = Dom.create("div", "inpaint-pictures");
        plot = canvas("inpaint-plot", 560, 560, "Data, the fixed line and the inpainted samples");
        pictures.appendChild(plot);
        HTMLElement side = Dom.create("div", "inpaint-side");
        histogram = canvas("inpaint-histogram", 560, 260, "Histogram of the inpainted coordinate: model and data near the line");
        side.appendChild(histogram);
        caption = Dom.create("p", "hint inpaint-caption");
        side.appendChild(caption);
        stats = Dom.create("p", "stats");
        stats.setId("inpaint-stats");
        stats.setAttribute("data-draws", "0");
        side.appendChild(stats);
        pictures.appendChild(side);
        card.appendChild(pictures);

        csv = Dom.create("textarea", null);
        csv.setId("inpaint-csv");
        csv.setHidden(true);
        csv.setAttribute("readonly", "");
        csv.setAttribute("aria-hidden", "true");
        card.appendChild(csv);
        container.insertBefore(card, container.getFirstChild());
    }

    private static HTMLCanvasElement canvas(String id, int width, int height, String label) {
        HTMLCanvasElement c = (HTMLCanvasElement) Dom.create("canvas", id);
        c.setId(id);
        c.setWidth(width);
        c.setHeight(height);
        c.setAttribute("aria-label", label);
        return c;
    }
}
