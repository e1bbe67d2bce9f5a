package flowplay.server.cli;

import flowplay.core.checkpoint.Checkpoint;
import flowplay.core.settings.SettingException;
import flowplay.core.settings.SettingValues;
import flowplay.core.settings.Settings;
import flowplay.core.settings.TrainConfig;
import flowplay.server.data.TrainingData;
import flowplay.server.engine.Engine;
import flowplay.server.engine.EngineChoice;
import flowplay.server.engine.Engines;
import flowplay.server.runs.AtomicFiles;
import flowplay.server.runs.Progress;
import flowplay.server.runs.TrainingListener;
import flowplay.server.runs.TrainingLoop;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * {@code train}: one run in this process, every train setting a flag (and {@code --points FILE} for
 * {@code --dataset points}); the checkpoint goes to {@code --out}.
 */
public final class TrainCommand implements Command {
    private final SettingFlags flags = new SettingFlags(Settings.TRAIN);

    @Override
    public CommandSpec spec() {
        CommandSpec spec = CommandSpec.create().name("train").mixinStandardHelpOptions(true);
        spec.usageMessage().description("Train a velocity network and write it as a safetensors checkpoint.");
        flags.addTo(spec);
        PointsFlag.addTo(spec);
        spec.addOption(OptionSpec.builder("--out").paramLabel("FILE").type(String.class).required(true)
                .description("Checkpoint file to write (rewritten atomically at every checkpoint)").build());
        spec.addOption(OptionSpec.builder("--engine").paramLabel("ENGINE").type(String.class).defaultValue(Engines.DEFAULT)
                .description("Training engine: java (fused pure Java), nd4j, or auto: nd4j on a CUDA device (a -Pcuda build), "
                        + "else java (default ${DEFAULT-VALUE})").build());
        return spec;
    }

    /** The engine for {@code --engine} (auto decided by EngineChoice), or a usage error naming the allowed values. */
    static Engines.Selected engine(String name) {
        if (!EngineChoice.VALUES.contains(name)) {
            throw new UsageException("invalid value for --engine: " + name + " (allowed: " + String.join(", ", EngineChoice.VALUES) + ")");
        }
        return Engines.select(name);
    }

    @Override
    public int run(ParseResult parsed, PrintStream out, PrintStream err) {
        SettingValues values = flags.parse(parsed);
        TrainConfig config;
        try {
            config = TrainConfig.from(values);
        } catch (SettingException e) {
            throw flags.usage(e);
        }
        TrainingData data = TrainingData.of(config.dataset(), PointsFlag.read(parsed, config.dataset()));
        Path file = Path.of(parsed.matchedOptionValue("--out", "model.safetensors"));
        Engines.Selected selected = engine(parsed.matchedOptionValue("--engine", Engines.DEFAULT));
        Engine engine = selected.engine();
        StartupLog.print(err, "train", selected, 1);
        long start = System.nanoTime();
        ProgressLine line = new ProgressLine(err, config.steps(), System.console() != null);
        Progress[] latest = {null};
        TrainingListener listener = new TrainingListener() {
            @Override
            public void progress(Progress p) {
                latest[0] = p;
                line.update(p);
            }

            @Override
            public void checkpoint(Checkpoint checkpoint, byte[] bytes) {
                try {
                    AtomicFiles.write(file, bytes);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
                }
            }
        };
        new TrainingLoop(config, data.dataset(), data.metadata(values.asMap()), engine, listener).run(() -> false);
        line.finish();
        double seconds = (System.nanoTime() - start) / 1e9;
        err.println(String.format(Locale.ROOT, "wrote %s: %d steps in %.1f s (%.0f steps/s overall, engine %s), final loss %.4f", file,
                config.steps(), seconds, config.steps() / seconds, engine.name(), latest[0] == null ? Double.NaN : latest[0].loss()));
        return 0;
    }

    /**
     * The progress bar: step/total, loss, steps/s and ETA. On a terminal it is one line redrawn in place (carriage
     * return) a few times a second; otherwise (a log, a pipe) a plain line every few seconds, so logs stay readable.
     */
    static final class ProgressLine {
        private static final int WIDTH = 24;
        private final PrintStream err;
        private final long total;
        private final boolean tty;
        private final long intervalNanos;
        private long lastPrint;
        private double rate;
        private boolean pending;

        ProgressLine(PrintStream err, long total, boolean tty) {
            this.err = err;
            this.total = total;
            this.tty = tty;
            this.intervalNanos = tty ? 200_000_000L : 2_000_000_000L;
        }

        void update(Progress p) {
            // A smoothed rate, so that the ETA does not jump with every report.
            rate = rate == 0 ? p.stepsPerSecond() : 0.8 * rate + 0.2 * p.stepsPerSecond();
            long now = System.nanoTime();
            boolean end = p.step() >= total;
            if (!end && lastPrint != 0 && now - lastPrint < intervalNanos) {
                return;
            }
            if (lastPrint == 0 && !end) {
                // The first report only starts the clock: it includes start-up (native libraries, JIT warm-up).
                lastPrint = now;
                return;
            }
            lastPrint = now;
            String text = format(p.step(), total, p.loss(), rate, tty);
            if (tty) {
                err.print("\r" + text + "\u001b[K");
                pending = true;
            } else {
                err.println(text);
            }
            err.flush();
        }

        void finish() {
            if (pending) {
                err.println();
                pending = false;
            }
        }

        static String format(long step, long total, double loss, double rate, boolean bar) {
            double fraction = total == 0 ? 1 : Math.min(1.0, (double) step / total);
            long eta = rate > 0 ? Math.round((total - step) / rate) : -1;
            StringBuilder sb = new StringBuilder();
            if (bar) {
                int filled = (int) Math.round(fraction * WIDTH);
                sb.append('[').append("#".repeat(filled)).append(".".repeat(WIDTH - filled)).append("] ");
            }
            sb.append(String.format(Locale.ROOT, "step %d/%d (%3.0f%%)  loss %.4f  %.0f steps/s  ETA %s", step, total, fraction * 100,
                    loss, rate, eta < 0 ? "?" : duration(eta)));
            return sb.toString();
        }

        static String duration(long seconds) {
            if (seconds >= 3600) {
                return String.format(Locale.ROOT, "%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60);
            }
            return String.format(Locale.ROOT, "%d:%02d", seconds / 60, seconds % 60);
        }
    }
}
