package flowplay.server.ops;

import flowplay.server.runs.Progress;
import flowplay.server.runs.Run;
import flowplay.server.runs.RunEvents;
import flowplay.server.runs.RunManager;
import flowplay.server.runs.RunState;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

import java.util.function.IntSupplier;

/**
 * The server's Prometheus metrics: runs by state, the queue, training speed, stream subscribers and the JVM's basics
 * (HTTP latencies are recorded by {@link HttpMetrics} into the same registry). Everything about runs is read from the
 * {@link RunManager} at scrape time, so training never pays for metrics it does not publish.
 */
public final class Metrics implements AutoCloseable {
    /** Prometheus' text exposition format, the one {@link PrometheusMeterRegistry#scrape()} writes. */
    public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final JvmGcMetrics gc = new JvmGcMetrics();

    /** {@code subscribers}: the WebSocket clients streaming runs now. */
    public Metrics(RunManager runs, IntSupplier subscribers) {
        for (RunState state : RunState.values()) {
            // One series per state, zeros included, so that a dashboard's sum over states is always the total.
            Gauge.builder("flowplay.runs", runs, r -> r.readiness().runsByState().getOrDefault(state.id(), 0))
                    .description("Runs known to the server, by state").tag("state", state.id()).strongReference(true).register(registry);
        }
        Gauge.builder("flowplay.queue.length", runs, r -> r.readiness().queued())
                .description("Runs waiting for a worker").strongReference(true).register(registry);
        Gauge.builder("flowplay.queue.capacity", runs, r -> r.readiness().queueCapacity())
                .description("Runs that may wait before new ones are refused with 429").strongReference(true).register(registry);
        Gauge.builder("flowplay.workers", runs, r -> r.readiness().workers())
                .description("Runs trained at once").strongReference(true).register(registry);
        Gauge.builder("flowplay.training.steps.per.second", runs, Metrics::stepsPerSecond)
                .description("Training speed summed over the running runs (each run's latest report)").strongReference(true)
                .register(registry);
        FunctionCounter.builder("flowplay.training.steps", runs, RunManager::stepsTrained)
                .description("Training steps taken since the server started").register(registry);
        Gauge.builder("flowplay.stream.subscribers", subscribers, IntSupplier::getAsInt)
                .description("WebSocket clients streaming a run").strongReference(true).register(registry);

        new JvmMemoryMetrics().bindTo(registry);
        gc.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
    }

    /** The sum of the latest reported speed of every run that is training now (paused and queued runs add nothing). */
    static double stepsPerSecond(RunManager runs) {
        double sum = 0;
        for (Run run : runs.list()) {
            RunEvents.Slot<Progress> progress = run.events().progress();
            if (run.state() == RunState.RUNNING && progress != null && Double.isFinite(progress.value().stepsPerSecond())) {
                sum += progress.value().stepsPerSecond();
            }
        }
        return sum;
    }

    public MeterRegistry registry() {
        return registry;
    }

    /** Every metric, in {@link #CONTENT_TYPE}. */
    public String scrape() {
        return registry.scrape();
    }

    @Override
    public void close() {
        gc.close();
        registry.close();
    }
}
