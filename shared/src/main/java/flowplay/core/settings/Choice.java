package flowplay.core.settings;

import java.util.ArrayList;
import java.util.List;

/**
 * A value of a CHOICE setting with its id, as enums of choices implement it (prediction, activation, loss weight, …), so
 * that listing the ids for the table and parsing them back with a message naming the alternatives is written once.
 */
public interface Choice {
    String id();

    static List<String> ids(Choice[] values) {
        List<String> ids = new ArrayList<>();
        for (Choice c : values) {
            ids.add(c.id());
        }
        return ids;
    }

    /** The value with this id; otherwise IllegalArgumentException "unknown WHAT 'id'; one of a, b, c". */
    static <T extends Choice> T parse(T[] values, String id, String what) {
        for (T c : values) {
            if (c.id().equals(id)) {
                return c;
            }
        }
        throw new IllegalArgumentException("unknown " + what + " '" + id + "'; one of " + String.join(", ", ids(values)));
    }
}
