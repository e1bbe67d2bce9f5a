package flowplay.server.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Turns a request body into the raw name → text map the settings table validates. Clients may send numbers or
 * strings ({"steps": 500} or {"steps": "500"}); both become text so that exactly one parser, the table's, decides.
 */
final class SettingsBody {
    private final ObjectMapper mapper;

    SettingsBody(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    Map<String, String> parse(String body) {
        Map<String, String> raw = new LinkedHashMap<>();
        if (body == null || body.isBlank()) {
            return raw;
        }
        JsonNode root;
        try {
            root = mapper.readTree(body);
        } catch (JsonProcessingException e) {
            throw new ApiException(400, "malformed JSON: " + e.getOriginalMessage(), null);
        }
        if (root == null || !root.isObject()) {
            throw new ApiException(400, "the body must be a JSON object of settings", null);
        }
        Iterator<Map.Entry<String, JsonNode>> fields = root.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> e = fields.next();
            JsonNode v = e.getValue();
            if (v.isNull()) {
                continue;
            } else if (v.isTextual()) {
                raw.put(e.getKey(), v.textValue());
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
}
