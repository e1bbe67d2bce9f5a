package flowplay.server.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import flowplay.core.data.UserPoints;
import flowplay.core.settings.SettingValues;
import flowplay.core.settings.Settings;
import flowplay.server.data.PointsText;
import flowplay.server.limits.Limits;
import flowplay.server.runs.CheckpointBytes;
import flowplay.server.runs.Run;
import flowplay.server.runs.RunLimits;
import flowplay.server.runs.RunStore;
import flowplay.server.runs.RunManager;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The REST side of runs: create, list, inspect, cancel, pause and resume, list and download checkpoints, a run's own points; the
 * settings tables and the file data sets.
 */
public final class RunsApi {
    private final RunManager runs;
    private final ObjectMapper mapper;
    private final SettingsBody body;

    private final RunRateLimit rate;

    /** With the per-client run rate and the upload caps of {@code limits} (the pool and run caps are the manager's). */
    public RunsApi(RunManager runs, ObjectMapper mapper, Limits limits) {
        this.runs = runs;
        this.mapper = mapper;
        this.body = new SettingsBody(mapper, Settings.TRAIN);
        this.rate = new RunRateLimit(limits);
    }

    public void register(RoutesConfig routes) {
        routes.post("/api/runs", this::create);
        routes.get("/api/runs", this::list);
        routes.get("/api/runs/{id}", this::get);
        routes.delete("/api/runs/{id}", this::cancel);
        routes.post("/api/runs/{id}/pause", this::pause);
        routes.post("/api/runs/{id}/resume", this::resume);
        routes.get("/api/runs/{id}/checkpoint", this::checkpoint);
        routes.get("/api/runs/{id}/checkpoints", this::checkpoints);
        routes.get("/api/runs/{id}/checkpoints/{step}", this::checkpointAt);
        routes.get("/api/runs/{id}/points", this::points);
        routes.get("/api/settings", this::settings);
        new DatasetsApi().register(routes);
    }

    private void create(Context ctx) throws JsonProcessingException {
        byte[] bytes = ctx.bodyAsBytes();
        CrossSite.requireJson(ctx.header("Content-Type"), bytes.length);
        ObjectNode request = body.object(bytes);
        JsonNode points = request.remove(UserPoints.NAME);
        SettingValues values = Settings.parse(Settings.TRAIN, body.settings(request));
        RunLimits caps = runs.limits();
        float[] xy = PointsBody.read(points, values.getString("dataset"), caps.maxPoints(), caps.maxUploadBytes());
        Run run = rate.submit(ctx, () -> runs.submit(values, xy));
        // The answer describes the run as accepted: a free worker may already have started it, which the stream
        // and GET report; a created run always reads "queued" here so clients see every state in order.
        Map<String, Object> created = RunJson.run(run);
        created.put("state", "queued");
        created.put("step", 0L);
        created.put("loss", null);
        created.put("reason", null);
        created.put("checkpointStep", null);
        created.put("finished", null);
        json(ctx.status(201), created);
    }

    private void list(Context ctx) throws JsonProcessingException {
        List<Object> all = new ArrayList<>();
        for (Run run : runs.list()) {
            all.add(RunJson.run(run));
        }
        json(ctx, all);
    }

    private void get(Context ctx) throws JsonProcessingException {
        json(ctx, RunJson.run(find(ctx)));
    }

    private void cancel(Context ctx) throws JsonProcessingException {
        Run run = find(ctx);
        runs.cancel(run.id());
        json(ctx, RunJson.run(run));
    }

    /** Pauses a running run; 409 naming the state for one that is queued or has ended. */
    private void pause(Context ctx) throws JsonProcessingException {
        Run run = find(ctx);
        if (!runs.pause(run.id()).orElse(false)) {
            throw conflict(run, "paused", "running or paused");
        }
        json(ctx, RunJson.run(run));
    }

    private void resume(Context ctx) throws JsonProcessingException {
        Run run = find(ctx);
        if (!runs.resume(run.id()).orElse(false)) {
            throw conflict(run, "resumed", "paused or running");
        }
        json(ctx, RunJson.run(run));
    }

    private static ApiException conflict(Run run, String verb, String allowed) {
        String state = run.state().id();
        return new ApiException(409, "run " + run.id() + " is " + state + ": it cannot be " + verb, "state", allowed);
    }

    private void checkpoint(Context ctx) {
        Run run = find(ctx);
        CheckpointBytes c = runs.newestCheckpoint(run);
        if (c == null) {
            throw ApiException.notFound("run " + run.id() + " has no checkpoint yet");
        }
        safetensors(ctx, run, c.step(), c.bytes());
    }

    private void checkpoints(Context ctx) throws JsonProcessingException {
        Run run = find(ctx);
        List<Object> all = new ArrayList<>();
        for (RunStore.CheckpointFile f : runs.checkpoints(run)) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("step", f.step());
            m.put("bytes", f.bytes());
            m.put("url", "/api/runs/" + run.id() + "/checkpoints/" + f.step());
            all.add(m);
        }
        json(ctx, all);
    }

    private void checkpointAt(Context ctx) {
        Run run = find(ctx);
        long step = step(ctx.pathParam("step"));
        byte[] bytes = runs.checkpoint(run, step);
        if (bytes == null) {
            throw ApiException.notFound("run " + run.id() + " has no checkpoint at step " + step);
        }
        safetensors(ctx, run, step, bytes);
    }

    /** The user's points a run trains on, as canonical CSV (what {@code pointsSha256} in its checkpoints hashes). */
    private void points(Context ctx) {
        Run run = find(ctx);
        float[] xy = runs.points(run);
        if (xy == null) {
            throw ApiException.notFound(UserPoints.NAME.equals(run.config().dataset()) ? "the points of run " + run.id() + " are missing"
                    : "run " + run.id() + " trains on dataset " + run.config().dataset() + ", not on points of its own");
        }
        ctx.contentType("text/csv").result(PointsText.csv(xy));
    }

    private static long step(String text) {
        if (text.matches("[0-9]{1,18}")) {
            return Long.parseLong(text);
        }
        String shown = text.length() > 40 ? text.substring(0, 40) + "…" : text;
        throw new ApiException(400, "step: must be a non-negative integer, not '" + shown + "'", "step", "non-negative integer");
    }

    private static void safetensors(Context ctx, Run run, long step, byte[] bytes) {
        ctx.contentType("application/octet-stream")
                .header("Content-Disposition", "attachment; filename=\"" + run.id() + "-step-" + step + ".safetensors\"")
                .result(bytes);
    }

    private void settings(Context ctx) throws JsonProcessingException {
        Map<String, Object> tables = new LinkedHashMap<>();
        tables.put("train", SettingRows.of(Settings.TRAIN));
        tables.put("sample", SettingRows.of(Settings.SAMPLE));
        json(ctx, tables);
    }

    private Run find(Context ctx) {
        String id = ctx.pathParam("id");
        return runs.find(id).orElseThrow(() -> ApiException.notFound("no run " + id));
    }

    private void json(Context ctx, Object value) throws JsonProcessingException {
        ctx.contentType("application/json").result(mapper.writeValueAsString(value));
    }
}
