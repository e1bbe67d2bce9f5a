package flowplay.server.runs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * The data folder: {@code runs/<id>/step-<n>.safetensors}, each written atomically. Reading back and recovering
 * runs after a restart is a later issue; the layout is chosen so that it can be done from the files alone.
 */
public final class RunStore {
    private final Path root;

    public RunStore(Path root) {
        this.root = root;
    }

    public Path root() {
        return root;
    }

    public Path checkpointPath(String runId, long step) {
        return root.resolve("runs").resolve(runId).resolve("step-" + step + ".safetensors");
    }

    public void writeCheckpoint(String runId, long step, byte[] bytes) {
        try {
            AtomicFiles.write(checkpointPath(runId, step), bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write checkpoint of run " + runId + " at step " + step + ": " + e.getMessage(), e);
        }
    }
}
