package flowplay.server.api;

import flowplay.core.settings.Setting;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A settings table as JSON rows, the same shape wherever the API shows one (the train and sample tables, the limits). */
final class SettingRows {
    private SettingRows() {
    }

    static List<Map<String, Object>> of(List<Setting> table) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Setting s : table) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("name", s.name());
            row.put("kind", s.kind().name().toLowerCase());
            row.put("default", s.defaultValue());
            if (s.kind() == Setting.Kind.CHOICE) {
                row.put("choices", s.choices());
            } else {
                row.put("min", s.min());
                row.put("max", s.max());
                if (s.kind() == Setting.Kind.INT_LIST) {
                    row.put("maxCount", Setting.MAX_LIST_COUNT);
                }
            }
            row.put("allowed", s.allowed());
            row.put("help", s.help());
            row.put("flag", "--" + s.flag());
            if (s.when() != null) {
                row.put("when", Map.of(s.when().setting(), s.when().values()));
            }
            rows.add(row);
        }
        return rows;
    }
}
