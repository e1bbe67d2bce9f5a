package flowplay.server.api;

import flowplay.server.runs.Progress;
import flowplay.server.runs.Run;
import flowplay.server.runs.RunStatus;

import java.util.LinkedHashMap;
import java.util.Map;

/** The JSON shapes of runs and stream events, as maps: Jackson writes maps without reflecting on our classes. */
final class RunJson {
    private RunJson() {
    }

    static Map<String, Object> run(Run run) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", run.id());
        m.put("state", run.state().id());
        m.put("step", run.step());
        m.put("loss", Double.isNaN(run.loss()) ? null : run.loss());
        m.put("settings", run.settings().asMap());
        m.put("reason", run.reason());
        m.put("checkpointStep", run.checkpointStep() < 0 ? null : run.checkpointStep());
        m.put("created", run.created().toString());
        m.put("finished", run.finished() == null ? null : run.finished().toString());
        m.put("queuePosition", run.queuePosition() > 0 ? run.queuePosition() : null);
        return m;
    }

    /** {@code at}: when the server published the report (epoch ms), so a viewer can tell how late it arrived. */
    static Map<String, Object> progress(Progress p, long publishedMillis) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", "progress");
        m.put("step", p.step());
        m.put("loss", p.loss());
        m.put("stepsPerSecond", p.stepsPerSecond());
        m.put("at", publishedMillis);
        return m;
    }

    static Map<String, Object> state(RunStatus s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", "state");
        m.put("state", s.state().id());
        m.put("reason", s.reason());
        if (s.queuePosition() > 0) {
            m.put("queuePosition", s.queuePosition());
        }
        return m;
    }
}
