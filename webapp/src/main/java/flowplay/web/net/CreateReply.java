package flowplay.web.net;

import flowplay.core.json.Json;
import java.util.Map;

/**
 * The server's answer to {@code POST /api/runs} (docs/internal-contract.md, "HTTP API"), read leniently: a body that is
 * not the documented JSON still gives a reply. Accepted runs have {@code id}, {@code state}, {@code steps} and
 * {@code dataset}; refused ones the {@code refusal} text and the {@code field} at fault, if any.
 */
public record CreateReply(String id, String state, long steps, String dataset, String refusal, String field) {

    /**
     * Reads an answered request (status not 0). {@code form} holds the train settings as the page shows them: they stand
     * in for settings the server's echo leaves out.
     */
    public static CreateReply read(HttpResult result, Map<String, String> form) {
        Map<String, Object> body = asMap(parse(result.body()));
        if (!result.ok()) {
            String field = body.get("field") instanceof String ? (String) body.get("field") : null;
            String error = body.get("error") != null ? String.valueOf(body.get("error")) : "HTTP " + result.status();
            String allowed = body.get("allowed") != null ? String.valueOf(body.get("allowed")) : null;
            // The server's message often names the field or the range already: say each once.
            String text = (field != null && !error.contains(field) ? field + ": " : "") + error
                    + (allowed != null && !error.contains(allowed) ? " (allowed: " + allowed + ")" : "");
            return new CreateReply(null, null, 0, null, text, field);
        }
        Map<String, Object> settings = asMap(body.get("settings"));
        return new CreateReply(String.valueOf(body.get("id")),
                body.get("state") != null ? String.valueOf(body.get("state")) : "queued",
                (long) number(settings.get("steps"), number(form.get("steps"), 0)),
                settings.get("dataset") != null ? String.valueOf(settings.get("dataset")) : form.get("dataset"),
                null, null);
    }

    public boolean accepted() {
        return refusal == null;
    }

    private static Object parse(String text) {
        try {
            return text == null || text.isEmpty() ? null : Json.parse(text);
        } catch (RuntimeException e) {
            return null;
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object o) {
        return o instanceof Map ? (Map<String, Object>) o : Map.of();
    }

    private static double number(Object o, double fallback) {
        if (o instanceof Number) {
            return ((Number) o).doubleValue();
        }
        if (o instanceof String) {
            try {
                return Double.parseDouble((String) o);
            } catch (NumberFormatException e) {
                return fallback;
            }
        }
        return fallback;
    }
}
