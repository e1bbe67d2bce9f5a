package flowplay.server.runs;

import flowplay.core.settings.SettingValues;
import flowplay.core.settings.Settings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;

/**
 * The run list as the data folder holds it after a stop or a crash. Runs that were queued or running then are failed
 * with {@link RunManager#INTERRUPTED}, keeping their checkpoints; a record whose settings no longer validate, or that
 * cannot be rebuilt, is skipped with a warning and its files are left alone.
 */
final class RunRecovery {
    private static final Logger LOG = LoggerFactory.getLogger(RunRecovery.class);

    private RunRecovery() {
    }

    /** The restored runs, oldest first; {@code save} rewrites a record that had to be fixed. */
    static List<Run> restore(RunStore store, Consumer<Run> save) {
        List<Run> restored = new ArrayList<>();
        for (RunRecord r : store.loadAll()) {
            SettingValues settings;
            try {
                settings = Settings.parse(Settings.TRAIN, r.settings());
            } catch (RuntimeException e) {
                LOG.warn("skipping run {}: its settings no longer validate: {}", r.id(), e.getMessage());
                continue;
            }
            List<RunStore.CheckpointFile> files = store.checkpoints(r.id());
            Long newest = files.isEmpty() ? null : files.get(files.size() - 1).step();
            boolean interrupted = !r.state().isFinal();
            RunRecord fixed = new RunRecord(r.id(), r.settings(), interrupted ? RunState.FAILED : r.state(),
                    interrupted ? RunManager.INTERRUPTED : r.reason(), r.created(),
                    r.finished() != null ? r.finished() : Instant.now(),
                    Math.max(r.step(), newest == null ? 0 : newest), r.loss(), newest);
            Run run;
            try {
                run = new Run(fixed, settings);
            } catch (RuntimeException e) {
                LOG.warn("skipping run {}: {}", r.id(), e.toString());
                continue;
            }
            if (!fixed.equals(r)) {
                save.accept(run);
            }
            if (interrupted) {
                LOG.info("run {} was {} when the server stopped: now failed, {} checkpoint(s) kept", r.id(), r.state().id(), files.size());
            }
            restored.add(run);
        }
        restored.sort(Comparator.comparing(Run::created).thenComparing(Run::id));
        if (!restored.isEmpty()) {
            LOG.info("restored {} run(s) from {}", restored.size(), store.root());
        }
        return restored;
    }
}
