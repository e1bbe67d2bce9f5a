package flowplay.core.settings;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Validated settings: every row of a table present, in canonical text, in table order. */
public final class SettingValues {
    private final Map<String, String> values;

    SettingValues(Map<String, String> values) {
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    public String getString(String name) {
        String v = values.get(name);
        if (v == null) {
            throw new IllegalArgumentException("no setting '" + name + "'");
        }
        return v;
    }

    public int getInt(String name) {
        return (int) Long.parseLong(getString(name));
    }

    /** An INT_LIST setting's entries, in the order given. */
    public int[] getIntList(String name) {
        return Setting.parseIntList(getString(name));
    }

    public long getLong(String name) {
        return Long.parseLong(getString(name));
    }

    public double getDouble(String name) {
        return Double.parseDouble(getString(name));
    }

    public Map<String, String> asMap() {
        return values;
    }
}
