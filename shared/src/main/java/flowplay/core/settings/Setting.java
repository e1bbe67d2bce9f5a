package flowplay.core.settings;

import java.util.List;
import java.util.Map;

/**
 * One knob: its name (the JSON field, URL-hash key and UI control id), type, default, bounds and help text. The same
 * row validates API requests, generates CLI flags ({@code flag}, usually the name) and builds the page's controls.
 */
public record Setting(String name, Kind kind, String defaultValue, double min, double max, List<String> choices, String help,
                      String flag, When when) {
    /** INT_LIST: comma-separated whole numbers, each in [min, max], at most {@link #maxCount} of them, e.g. "1,2,4". */
    public enum Kind { INT, FLOAT, CHOICE, INT_LIST }

    /** Entries an INT_LIST setting takes at most: more panels than this would not fit one row. */
    public static final int MAX_LIST_COUNT = 8;

    /**
     * The setting only matters when another setting has one of these values (β_min only for the vp scheduler): the page
     * hides it otherwise and the CLI help says so. It is still validated and stored, so a link keeps it.
     */
    public record When(String setting, List<String> values) {
    }

    public static Setting integer(String name, long defaultValue, long min, long max, String help) {
        return new Setting(name, Kind.INT, Long.toString(defaultValue), min, max, List.of(), help, name, null);
    }

    public static Setting number(String name, double defaultValue, double min, double max, String help) {
        return new Setting(name, Kind.FLOAT, Double.toString(defaultValue), min, max, List.of(), help, name, null);
    }

    public static Setting choice(String name, String defaultValue, List<String> choices, String help) {
        return new Setting(name, Kind.CHOICE, defaultValue, 0, 0, List.copyOf(choices), help, name, null);
    }

    /** A list of whole numbers in [min, max], 1 to {@link #MAX_LIST_COUNT} of them, written "1,2,4" (canonical: no spaces). */
    public static Setting intList(String name, String defaultValue, long min, long max, String help) {
        return new Setting(name, Kind.INT_LIST, defaultValue, min, max, List.of(), help, name, null);
    }

    /** The same setting under another command-line flag, where the CLI's established spelling differs from the field name. */
    public Setting withFlag(String cliFlag) {
        return new Setting(name, kind, defaultValue, min, max, choices, help, cliFlag, when);
    }

    /** The same setting, relevant only when {@code other} is one of {@code values}. */
    public Setting onlyWhen(String other, String... values) {
        return new Setting(name, kind, defaultValue, min, max, choices, help, flag, new When(other, List.of(values)));
    }

    /** Whether this setting matters given the other values (name → text); true when it has no condition. */
    public boolean applies(Map<String, String> values) {
        return when == null || when.values().contains(values.get(when.setting()));
    }

    /** What this setting accepts, in words, for error messages and tooltips. */
    public String allowed() {
        switch (kind) {
            case INT:
                return "integer in [" + (long) min + ", " + (long) max + "]";
            case FLOAT:
                return "number in [" + min + ", " + max + "]";
            case INT_LIST:
                return "1 to " + MAX_LIST_COUNT + " comma-separated integers in [" + (long) min + ", " + (long) max + "]";
            default:
                return "one of " + String.join(", ", choices);
        }
    }

    /** Checks a raw value and returns its canonical text (e.g. "256" for "256.0"), or throws naming this field. */
    public String normalize(String raw) {
        if (raw == null) {
            throw new SettingException(name, "missing value", allowed());
        }
        String value = raw.trim();
        switch (kind) {
            case INT: {
                double d = parseNumber(value);
                if (d != Math.rint(d)) {
                    throw new SettingException(name, "'" + raw + "' is not a whole number", allowed());
                }
                checkRange(raw, d);
                return Long.toString((long) d);
            }
            case FLOAT: {
                double d = parseNumber(value);
                checkRange(raw, d);
                return Double.toString(d);
            }
            case INT_LIST:
                return normalizeList(raw, value);
            default:
                if (!choices.contains(value)) {
                    throw new SettingException(name, "unknown value '" + raw + "'", allowed());
                }
                return value;
        }
    }

    /** The entries of a normalized INT_LIST value ("1,2,4" → {1, 2, 4}). */
    public static int[] parseIntList(String normalized) {
        List<String> parts = commaParts(normalized);
        int[] out = new int[parts.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = Integer.parseInt(parts.get(i).trim());
        }
        return out;
    }

    private String normalizeList(String raw, String value) {
        List<String> parts = commaParts(value);
        if (parts.size() > MAX_LIST_COUNT) {
            throw new SettingException(name, parts.size() + " entries, more than " + MAX_LIST_COUNT, allowed());
        }
        StringBuilder sb = new StringBuilder();
        for (String part : parts) {
            String entry = part.trim();
            if (entry.isEmpty()) {
                throw new SettingException(name, "'" + raw + "' has an empty entry", allowed());
            }
            double d = parseNumber(entry);
            if (d != Math.rint(d)) {
                throw new SettingException(name, "'" + entry + "' is not a whole number", allowed());
            }
            checkRange(entry, d);
            sb.append(sb.length() == 0 ? "" : ",").append((long) d);
        }
        return sb.toString();
    }

    /** By hand: String.split pulls java.util.regex into the page's script. "" gives one empty part. */
    private static List<String> commaParts(String s) {
        List<String> parts = new java.util.ArrayList<>();
        int from = 0;
        while (true) {
            int comma = s.indexOf(',', from);
            parts.add(s.substring(from, comma < 0 ? s.length() : comma));
            if (comma < 0) {
                return parts;
            }
            from = comma + 1;
        }
    }

    private double parseNumber(String value) {
        double d;
        try {
            d = Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new SettingException(name, "'" + value + "' is not a number", allowed());
        }
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            throw new SettingException(name, "'" + value + "' is not a finite number", allowed());
        }
        return d;
    }

    private void checkRange(String raw, double d) {
        if (d < min || d > max) {
            throw new SettingException(name, raw.trim() + " is out of range", allowed());
        }
    }
}
