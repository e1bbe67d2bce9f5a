package flowplay.web.strip;

import flowplay.web.PageErrors;
import flowplay.web.ui.Dom;
import flowplay.web.ui.Pretrained;
import org.teavm.jso.dom.html.HTMLElement;

/**
 * The "Why fast?" button ({@code #why-fast}): shows the bundled flow matching model on the straight OT path and puts
 * the VP-path and score matching models in the strip's rows below — the moons, seed-0 checkpoints of
 * {@code experiment why-fast} (see web/pretrained/README.md) — so one click compares them on the same noise and N.
 */
final class WhyFastPreset {
    static final String SHOWN = "moons-condot-velocity";
    static final String[] COMPARED = {"pretrained/moons-vp-velocity", "pretrained/moons-vp-score"};

    private ComparedModels compared;
    private Pretrained pretrained;

    /** The button goes above the strip; the compared models' choices, created after it, come in {@link #compareIn}. */
    WhyFastPreset(HTMLElement card) {
        HTMLElement button = Dom.create("button", "why-fast");
        button.setAttribute("id", "why-fast");
        button.setAttribute("title", "Load the bundled moons models of `experiment why-fast` — flow matching on the straight OT path"
                + " (shown), on the VP diffusion path, and score matching on VP — into the strip's rows: same noise, same N, see"
                + " which needs fewer steps");
        Dom.setText(button, "Why fast? OT vs VP vs score");
        card.appendChild(button);
        button.addEventListener("click", e -> PageErrors.guarded("why-fast preset", this::apply));
    }

    void compareIn(ComparedModels c) {
        this.compared = c;
    }

    void usePretrained(Pretrained p) {
        this.pretrained = p;
    }

    private void apply() {
        if (pretrained != null) {
            pretrained.choose(SHOWN);
        }
        if (compared != null) {
            compared.choose(COMPARED);
        }
    }
}
