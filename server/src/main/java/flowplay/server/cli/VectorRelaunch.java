package flowplay.server.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Runs a long training command again in a child JVM with {@code --add-modules jdk.incubator.vector} when this JVM was
 * started without it: the vector kernels train about 11× faster at width 64, which turns an experiment of an hour
 * into minutes, and {@code java -jar flowplay.jar …} cannot ask for the module itself (a jar manifest has no
 * Add-Modules). The child inherits the terminal; {@value #GUARD} stops a second relaunch.
 */
final class VectorRelaunch {
    static final String GUARD = "flowplay.relaunched";
    private static final String MODULE = "jdk.incubator.vector";

    private VectorRelaunch() {
    }

    /** The child's exit code, or empty when this JVM should run the command itself. */
    static Optional<Integer> ifNeeded(List<String> args, PrintStream err) throws IOException, InterruptedException {
        if (ModuleLayer.boot().findModule(MODULE).isPresent() || Boolean.getBoolean(GUARD)) {
            return Optional.empty();
        }
        Optional<String> java = ProcessHandle.current().info().command();
        String classPath = System.getProperty("java.class.path", "");
        if (java.isEmpty() || classPath.isEmpty()) {
            return Optional.empty();
        }
        List<String> command = new ArrayList<>();
        command.add(java.get());
        command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
        command.add("--add-modules");
        command.add(MODULE);
        command.add("-D" + GUARD + "=true");
        command.add("-cp");
        command.add(classPath);
        command.add("flowplay.server.Main");
        command.addAll(args);
        err.println("flowplay: restarting with --add-modules " + MODULE + " for the vector training kernels (about 11x faster)");
        return Optional.of(new ProcessBuilder(command).inheritIO().start().waitFor());
    }
}
