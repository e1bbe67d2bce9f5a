package flowplay.server.cli;

import flowplay.core.checkpoint.Checkpoint;
import flowplay.core.settings.SettingValues;
import flowplay.core.settings.Settings;
import flowplay.core.settings.TrainConfig;
import flowplay.server.engine.Nd4jEngine;
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

/** {@code train}: one run in this process, every train setting a flag; the checkpoint goes to {@code --out}. */
public final class TrainCommand implements Command {
    private static final long PRINT_NANOS = 1_000_000_000L;

    private final SettingFlags flags = new SettingFlags(Settings.TRAIN);

    @Override
    public CommandSpec spec() {
        CommandSpec spec = CommandSpec.create().name("train").mixinStandardHelpOptions(true);
        spec.usageMessage().description("Train a velocity network and write it as a safetensors checkpoint.");
        flags.addTo(spec);
        spec.addOption(OptionSpec.builder("--out").paramLabel("FILE").type(String.class).required(true)
                .description("Checkpoint file to write (rewritten atomically at every checkpoint)").build());
        return spec;
    }

    @Override
    public int run(ParseResult parsed, PrintStream out, PrintStream err) {
        SettingValues values = flags.parse(parsed);
        TrainConfig config = TrainConfig.from(values);
        Path file = Path.of(parsed.matchedOptionValue("--out", "model.safetensors"));
        long start = System.nanoTime();
        // The clock starts at the first report, so that loading the native libraries does not count as a slow step.
        long[] lastPrint = {0};
        Progress[] latest = {null};
        TrainingListener listener = new TrainingListener() {
            @Override
            public void progress(Progress p) {
                latest[0] = p;
                long now = System.nanoTime();
                if (lastPrint[0] == 0) {
                    lastPrint[0] = now;
                }
                if (now - lastPrint[0] >= PRINT_NANOS || p.step() == config.steps()) {
                    lastPrint[0] = now;
                    err.println(String.format(Locale.ROOT, "step %d/%d  loss %.4f  %.0f steps/s", p.step(), config.steps(), p.loss(),
                            p.stepsPerSecond()));
                }
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
        new TrainingLoop(config, values.asMap(), new Nd4jEngine(), listener).run(() -> false);
        double seconds = (System.nanoTime() - start) / 1e9;
        err.println(String.format(Locale.ROOT, "wrote %s: %d steps in %.1f s (%.0f steps/s overall), final loss %.4f", file,
                config.steps(), seconds, config.steps() / seconds, latest[0] == null ? Double.NaN : latest[0].loss()));
        return 0;
    }
}
