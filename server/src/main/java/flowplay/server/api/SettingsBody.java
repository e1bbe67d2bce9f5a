package flowplay.server.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Turns a request body into the raw name → text map the settings table validates. Clients may send numbers or
 * strings ({"steps": 500} or {"steps": "500"}); both become text so that exactly one parser, the table's, decides.
 * NaN and ±Infinity (which Python's json writes) are read as numbers too, so that the field's own check refuses them
 * by name instead of the whole body being malformed.
 */
final class SettingsBody {
    private final ObjectReader reader;

    SettingsBody(ObjectMapper mapper) {
        this.reader = mapper.reader().with(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS);
    }

    /** The body as a JSON object (empty for an empty body); 400 when it is not one. */
    ObjectNode object(String body) {
        if (body == null || body.isBlank()) {
            return JsonNodeFactory.instance.objectNode();
        }
        JsonNode root;
        try {
            root = reader.readTree(body);
        } catch (JsonProcessingException e) {
            throw new ApiException(400, "malformed JSON: " + e.getOriginalMessage(), null);
        }
        if (root == null || !root.isObject()) {
            throw new ApiException(400, "the body must be a JSON object of settings", null);
        }
        return (ObjectNode) root;
    }

    /** Every field of the object as raw setting text; a field that is neither a number nor a string is refused by name. */
    Map<String, String> settings(ObjectNode root) {
        Map<String, String> raw = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> fields = root.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> e = fields.next();
            JsonNode v = e.getValue();
            if (v.isNull()) {
                continue;
            } else if (v.isTextual()) {
                raw.put(e.getKey(), v.textValue());
            } else if (v.isNumber() && !Double.isFinite(v.doubleValue())) {
                raw.put(e.getKey(), Double.toString(v.doubleValue()));
            } else if (v.isNumber()) {
                // Plain decimal text: "5000" not "5000.0" or "5E+3", so integer settings accept 5000.0 too.
                raw.put(e.getKey(), v.decimalValue().stripTrailingZeros().toPlainString());
            } else {
                throw new ApiException(400, e.getKey() + ": must be a number or a string, not " + v.getNodeType().name().toLowerCase(),
                        e.getKey());
            }
        }
        return raw;
    }

    Map<String, String> parse(String body) {
        return settings(object(body));
    }
}
