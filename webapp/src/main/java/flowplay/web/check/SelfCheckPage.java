package flowplay.web.check;

import flowplay.web.ui.Dom;
import org.teavm.jso.dom.html.HTMLElement;

import java.util.Map;

/** Entry point of self-check.html: runs {@link SelfCheckSuite} in the browser and prints one "name=value" per line. */
public final class SelfCheckPage {
    private SelfCheckPage() {
    }

    public static void main(String[] args) {
        HTMLElement out = Dom.byId("self-check");
        try {
            StringBuilder text = new StringBuilder();
            for (Map.Entry<String, Double> e : SelfCheckSuite.run().entrySet()) {
                text.append(e.getKey()).append('=').append(e.getValue().doubleValue()).append('\n');
            }
            out.setTextContent(text.toString());
            out.setAttribute("data-state", "done");
        } catch (RuntimeException e) {
            out.setTextContent(e.getClass().getName() + ": " + e.getMessage());
            out.setAttribute("data-state", "failed");
        }
    }
}
