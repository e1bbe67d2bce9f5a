package flowplay.server.api;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import flowplay.core.settings.Setting;
import flowplay.core.settings.Settings;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a request body into the raw name → text map the settings table validates. Clients may send numbers or
 * strings ({"steps": 500} or {"steps": "500"}); both become text so that exactly one parser, the table's, decides.
 * NaN and ±Infinity (which Python's json writes) are read as numbers too, so that the field's own check refuses them
 * by name instead of the whole body being malformed.
 */
final class SettingsBody {
    private final ObjectReader reader;
    private final List<Setting> table;

    SettingsBody(ObjectMapper mapper, List<Setting> table) {
        this.reader = mapper.reader().with(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS);
        this.table = table;
    }

    /**
     * The body as a JSON object (empty for an empty body); 400 when it is not one. Read from the raw bytes, as JSON is
     * UTF-8 (RFC 8259): the charset a Content-Type names is not trusted (an unknown one must not fail the request).
     */
    ObjectNode object(byte[] body) {
        JsonNode root = null;
        if (body != null && body.length > 0) {
            try (JsonParser parser = reader.createParser(body)) {
                root = reader.readTree(parser);
                // Text after the object is malformed, not ignored: "{...} junk" must not start a run.
                if (root != null && parser.nextToken() != null) {
                    throw new ApiException(400, "malformed JSON: unexpected text after the object", null);
                }
            } catch (IOException e) {
                String why = e instanceof JsonProcessingException j ? j.getOriginalMessage() : "unreadable body";
                throw new ApiException(400, "malformed JSON: " + why, null);
            }
        }
        if (root == null || root.isMissingNode()) {
            return JsonNodeFactory.instance.objectNode();
        }
        if (!root.isObject()) {
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
                Setting s = Settings.find(table, e.getKey());
                throw new ApiException(400, e.getKey() + ": must be a number or a string, not " + v.getNodeType().name().toLowerCase(),
                        e.getKey(), s == null ? null : s.allowed());
            }
        }
        return raw;
    }

    Map<String, String> parse(String body) {
        return settings(object(body.getBytes(StandardCharsets.UTF_8)));
    }
}
