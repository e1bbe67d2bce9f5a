package flowplay.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.teavm.jso.JSBody;
import org.teavm.jso.browser.Window;

/**
 * The URL hash as the page's shareable state: {@code #dataset=moons&steps=2000&solver=heun…}. Parsing never throws:
 * malformed pieces become problems the page shows next to the controls.
 */
public final class HashState {
    /** Hash key that is not a setting: {@code renderer=canvas2d} forces the Canvas2D fallback. */
    public static final String RENDERER = "renderer";
    /**
     * Hash key that is not a setting: {@code sampler=cpu} keeps the main picture's sampling on the CPU, {@code sampler=gpu}
     * puts it on WebGPU compute even on a software adapter; {@code auto} (or none) lets the page choose.
     */
    public static final String SAMPLER = "sampler";

    private final Map<String, String> values = new LinkedHashMap<>();
    private final List<String> problems = new ArrayList<>();

    private HashState() {
    }

    public static HashState current() {
        return parse(Window.current().getLocation().getHash());
    }

    static HashState parse(String hash) {
        HashState s = new HashState();
        String h = hash == null ? "" : hash;
        if (h.startsWith("#")) {
            h = h.substring(1);
        }
        for (String part : splitOnAmpersand(h)) {
            if (part.isEmpty()) {
                continue;
            }
            int eq = part.indexOf('=');
            String key = decode(eq < 0 ? part : part.substring(0, eq));
            String value = eq < 0 ? null : decode(part.substring(eq + 1));
            if (key == null || (eq >= 0 && value == null)) {
                s.problems.add("'" + part + "' is not valid URL encoding");
            } else if (value == null) {
                s.problems.add("'" + key + "' has no value (write " + key + "=…)");
            } else {
                s.values.put(key, value);
            }
        }
        return s;
    }

    /** By hand: String.split pulls java.util.regex into the JS bundle, about 40% of its size. */
    private static List<String> splitOnAmpersand(String s) {
        List<String> parts = new ArrayList<>();
        int from = 0;
        while (true) {
            int amp = s.indexOf('&', from);
            parts.add(s.substring(from, amp < 0 ? s.length() : amp));
            if (amp < 0) {
                return parts;
            }
            from = amp + 1;
        }
    }

    public Map<String, String> values() {
        return values;
    }

    public List<String> problems() {
        return problems;
    }

    public boolean forcesCanvas2d() {
        return "canvas2d".equals(values.get(RENDERER));
    }

    /** cpu, gpu or auto. */
    public String samplerMode() {
        String mode = values.get(SAMPLER);
        return "cpu".equals(mode) || "gpu".equals(mode) ? mode : "auto";
    }

    /** Replaces the hash without a history entry (each edit would otherwise be one Back click) or a hashchange event. */
    public static void write(Map<String, String> values) {
        StringBuilder sb = new StringBuilder("#");
        for (Map.Entry<String, String> e : values.entrySet()) {
            if (sb.length() > 1) {
                sb.append('&');
            }
            sb.append(Window.encodeURIComponent(e.getKey())).append('=').append(Window.encodeURIComponent(e.getValue()));
        }
        replaceHash(sb.toString());
    }

    @JSBody(params = "hash", script = "history.replaceState(history.state, '', hash);")
    private static native void replaceHash(String hash);

    /** decodeURIComponent, or null where it would throw on malformed escapes. */
    @JSBody(params = "s", script = "try { return decodeURIComponent(s.replace(/\\+/g, ' ')); } catch (e) { return null; }")
    private static native String decode(String s);
}
