package flowplay.server.cli;

import flowplay.core.settings.Setting;
import flowplay.core.settings.SettingException;
import flowplay.core.settings.SettingValues;
import flowplay.core.settings.Settings;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Command-line flags generated from a settings table: one {@code --flag} per row, its help text, range and default
 * from the row. Values stay strings until the table validates them, so the CLI and the HTTP API accept and refuse
 * exactly the same inputs.
 */
final class SettingFlags {
    private final List<Setting> table;

    SettingFlags(List<Setting> table) {
        this.table = table;
    }

    void addTo(CommandSpec spec) {
        for (Setting s : table) {
            OptionSpec.Builder option = OptionSpec.builder("--" + s.flag())
                    .paramLabel(label(s))
                    .type(String.class)
                    .description(s.help() + " (" + s.allowed() + "; default " + s.defaultValue()
                            + (s.when() == null ? "" : "; used when --" + Settings.find(table, s.when().setting()).flag() + " is "
                                    + String.join(" or ", s.when().values())) + ")");
            if (isSwitch(s)) {
                // A yes/no row is a switch: "--trust-proxy" alone means true; "--trust-proxy=false" still works.
                option.arity("0..1").fallbackValue("true");
            }
            spec.addOption(option.build());
        }
    }

    /** The validated values; a bad one becomes a {@link UsageException} naming the flag and what it accepts. */
    SettingValues parse(ParseResult parsed) {
        return parse(given(parsed));
    }

    /** The raw text of the flags given, by setting name (the table's defaults are not filled in). */
    Map<String, String> given(ParseResult parsed) {
        Map<String, String> raw = new LinkedHashMap<>();
        for (Setting s : table) {
            String flag = "--" + s.flag();
            if (parsed.hasMatchedOption(flag)) {
                raw.put(s.name(), parsed.matchedOptionValue(flag, (String) null));
            }
        }
        return raw;
    }

    /** Raw values by setting name, validated; a bad one becomes a {@link UsageException} naming the flag. */
    SettingValues parse(Map<String, String> raw) {
        try {
            return Settings.parse(table, raw);
        } catch (SettingException e) {
            throw usage(e);
        }
    }

    private static boolean isSwitch(Setting s) {
        return s.kind() == Setting.Kind.CHOICE && s.choices().equals(List.of("false", "true"));
    }

    /** The table's refusal (of one value, or of values that contradict each other) as a usage error naming the flag. */
    UsageException usage(SettingException e) {
        Setting s = Settings.find(table, e.field());
        String flag = s == null ? e.field() : "--" + s.flag();
        String message = e.getMessage();
        String prefix = e.field() + ": ";
        String problem = message.startsWith(prefix) ? message.substring(prefix.length()) : message;
        return new UsageException("invalid value for " + flag + ": " + problem);
    }

    private static String label(Setting s) {
        switch (s.kind()) {
            case CHOICE:
                return String.join("|", s.choices());
            case INT:
                return "N";
            case INT_LIST:
                return "N,N,…";
            default:
                return "X";
        }
    }
}
