package flowplay.web.ui;

import flowplay.core.settings.Setting;
import flowplay.core.sampling.SampleConfig;
import flowplay.core.settings.SettingException;
import flowplay.core.settings.SettingValues;
import flowplay.core.settings.Settings;
import flowplay.web.HashState;
import flowplay.web.PageErrors;
import flowplay.web.points.HashPoints;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.teavm.jso.browser.Window;
import org.teavm.jso.dom.events.Event;
import org.teavm.jso.dom.html.HTMLElement;

/**
 * The train and sample controls, bound to the URL hash: the hash fills the controls at start and on every
 * {@code hashchange}, and every committed edit rewrites the hash, so the address is always a link to these settings.
 */
public final class SettingsForm {
    /** Hears edits after the hash has been rewritten. */
    public interface Listener {
        void trainEdited(String name);

        void sampleEdited(String name);

        /** The hash changed and its valid values are in the controls: any setting may have changed. */
        void hashApplied();
    }

    /** Hash keys that are not settings: the page keeps them as they are ({@link #hashExtra}). */
    /** Hash keys beside the settings: the user's points, the field view's layer:t, the model's address, the second model. */
    private static final List<String> EXTRA_KEYS = List.of(HashPoints.KEY, "view", ModelAddress.KEY, "compare");

    private final ControlPanel train;
    private final ControlPanel sample;
    private final HTMLElement notice;
    private final HTMLElement sampleMessage;
    /** From the hash at start only: the renderer is chosen once per page. */
    private final boolean forceCanvas2d;
    /** From the hash at start only, like the renderer: {@code sampler=cpu|gpu|auto}. */
    private final String samplerMode;
    /** Hash entries that are not settings but page state kept in the link (the user's points), by key. */
    private final Map<String, String> extras = new LinkedHashMap<>();
    private Listener listener;
    /** Further views that hear sample edits and hash changes (the comparison strip), after the main listener. */
    private final List<Listener> others = new ArrayList<>();

    public SettingsForm(HTMLElement trainContainer, HTMLElement sampleContainer, HTMLElement notice,
            HTMLElement sampleMessage) {
        this.notice = notice;
        this.sampleMessage = sampleMessage;
        train = new ControlPanel(trainContainer, Settings.TRAIN, name -> {
            writeHash();
            listener.trainEdited(name);
        });
        sample = new ControlPanel(sampleContainer, Settings.SAMPLE, name -> {
            writeHash();
            listener.sampleEdited(name);
            for (Listener l : others) {
                l.sampleEdited(name);
            }
        });
        HashState hash = HashState.current();
        apply(hash);
        forceCanvas2d = hash.forcesCanvas2d();
        samplerMode = hash.samplerMode();
        Window.current().addEventListener("hashchange", (Event e) -> PageErrors.guarded("hash", () -> {
            apply(HashState.current());
            listener.hashApplied();
            for (Listener l : others) {
                l.hashApplied();
            }
        }));
    }

    /**
     * Set once while the page is wired, before any edit can happen; not a constructor argument because the listener
     * (the sample view) reads its settings from this form.
     */
    public void setListener(Listener listener) {
        this.listener = listener;
    }

    /** Adds a view that hears sample edits and hash changes too (not train edits), after the main listener. */
    public void addListener(Listener other) {
        others.add(other);
    }

    public boolean forcesCanvas2d() {
        return forceCanvas2d;
    }

    /** {@code sampler=} from the hash at start: cpu, gpu or auto. */
    public String samplerMode() {
        return samplerMode;
    }

    /** A hash entry kept beside the settings (e.g. {@code points}), or null. */
    public String hashExtra(String key) {
        return extras.get(key);
    }

    /** Sets (or, for null, removes) a hash entry kept beside the settings, and rewrites the hash. */
    public void setHashExtra(String key, String value) {
        if (value == null) {
            extras.remove(key);
        } else {
            extras.put(key, value);
        }
        writeHash();
    }

    /** Sets a train control as a user's edit would: the hash is rewritten and the listener hears it. */
    public void chooseTrain(String name, String value) {
        if (value.equals(train.value(name))) {
            return;
        }
        train.set(name, value);
        writeHash();
        listener.trainEdited(name);
    }

    /** Sets a sample control as a user's edit would: the hash is rewritten and every listener hears it. */
    public void chooseSample(String name, String value) {
        if (value.equals(sample.value(name))) {
            return;
        }
        sample.set(name, value);
        writeHash();
        listener.sampleEdited(name);
        for (Listener l : others) {
            l.sampleEdited(name);
        }
    }

    public String sampleValue(String name) {
        return sample.value(name);
    }

    /** Shows or hides a sample control the model on screen has no use for (guidance and label for a 2-D model). */
    public void showSampleControl(String name, boolean shown) {
        sample.withhold(name, !shown);
    }

    /** The train settings as typed, for the server to validate. */
    public Map<String, String> trainValues() {
        return train.rawValues();
    }

    public String trainValue(String name) {
        return train.value(name);
    }

    /** Marks a train control the server refused, with the reason as its tooltip. */
    public void refuseTrain(String name, String message) {
        train.markInvalid(name, message);
    }

    /** The sample settings, or null (with the reason shown) when one is out of range. */
    public SettingValues sampleValues() {
        try {
            SettingValues v = Settings.parse(Settings.SAMPLE, sample.rawValues());
            SampleConfig.from(v); // what one row alone cannot check (em's noise with a schedule change)
            Dom.setText(sampleMessage, "");
            sampleMessage.setHidden(true);
            return v;
        } catch (SettingException e) {
            sample.markInvalid(e.field(), e.getMessage());
            Dom.setText(sampleMessage, e.getMessage());
            sampleMessage.setHidden(false);
            return null;
        }
    }

    /** The sample settings typed, or null (with the reason shown) when one is out of range or they contradict. */
    public SampleConfig sampleConfig() {
        SettingValues v = sampleValues();
        return v == null ? null : SampleConfig.from(v);
    }

    /** Puts valid hash values into the controls; lists the rest in {@code #notice} instead of failing. */
    private void apply(HashState hash) {
        List<String> problems = new ArrayList<>(hash.problems());
        for (Map.Entry<String, String> e : hash.values().entrySet()) {
            String key = e.getKey();
            String value = e.getValue();
            if (HashState.RENDERER.equals(key)) {
                if (!"canvas2d".equals(value) && !"webgpu".equals(value) && !"auto".equals(value)) {
                    problems.add("renderer: unknown value '" + value + "' (allowed: canvas2d, webgpu, auto)");
                }
                continue;
            }
            if (HashState.SAMPLER.equals(key)) {
                if (!"cpu".equals(value) && !"gpu".equals(value) && !"auto".equals(value)) {
                    problems.add("sampler: unknown value '" + value + "' (allowed: cpu, gpu, auto)");
                }
                continue;
            }
            if (EXTRA_KEYS.contains(key)) {
                extras.put(key, value);
                continue;
            }
            ControlPanel panel = train.has(key) ? train : sample.has(key) ? sample : null;
            if (panel == null) {
                problems.add(key + ": unknown setting");
                continue;
            }
            Setting setting = Settings.find(panel.table(), key);
            try {
                panel.set(key, setting.normalize(value));
            } catch (SettingException ex) {
                problems.add(ex.getMessage());
            }
        }
        if (problems.isEmpty()) {
            Dom.setText(notice, "");
            notice.removeAttribute("data-notice");
            notice.setHidden(true);
        } else {
            String text = "Ignored in the URL: " + String.join("; ", problems);
            Dom.setText(notice, text);
            notice.setAttribute("data-notice", text);
            notice.setHidden(false);
        }
    }

    private void writeHash() {
        Map<String, String> values = new LinkedHashMap<>(train.rawValues());
        values.putAll(sample.rawValues());
        values.putAll(extras);
        if (forceCanvas2d) {
            values.put(HashState.RENDERER, "canvas2d");
        }
        if (!"auto".equals(samplerMode)) {
            values.put(HashState.SAMPLER, samplerMode);
        }
        HashState.write(values);
    }
}
