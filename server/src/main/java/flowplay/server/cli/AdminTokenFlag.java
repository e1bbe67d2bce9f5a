package flowplay.server.cli;

import flowplay.server.api.AdminAuth;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where {@code serve} takes the admin token from: {@code --admin-token-file FILE} or the environment variable
 * {@link #ENV}. There is deliberately no flag holding the token itself: a command line is visible to every user of the
 * machine ({@code ps}). Neither given: admin endpoints are off.
 */
final class AdminTokenFlag {
    static final String FLAG = "--admin-token-file";
    static final String ENV = "FLOWPLAY_ADMIN_TOKEN";

    /** The gate and the start-up line that says, without the token, whether admin endpoints are on. */
    record Admin(AdminAuth auth, String startupLine) {
    }

    private AdminTokenFlag() {
    }

    /** From the flag's value and the variable's (each null when absent); UsageException naming the setting when unfit. */
    static Admin resolve(String file, String env) {
        if (file != null && env != null) {
            throw new UsageException("both " + FLAG + " and " + ENV + " are set: give the admin token one way");
        }
        if (file == null && env == null) {
            return new Admin(AdminAuth.off(), "  admin    off: /metrics answers 404 (turn on with " + FLAG + " FILE or " + ENV + ")");
        }
        String source = file != null ? FLAG + " " + file : ENV;
        String token = file != null ? read(file) : env;
        // Trailing white space is how a file ends (echo, an editor), never part of a token.
        token = token.strip();
        String why = AdminAuth.unfit(token);
        if (why != null) {
            throw new UsageException(source + ": " + why);
        }
        return new Admin(AdminAuth.withToken(token), "  admin    on: /metrics needs Authorization: Bearer <token from " + source + ">");
    }

    private static String read(String file) {
        try {
            return Files.readString(Path.of(file), StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            throw new UsageException(FLAG + ": cannot read " + file + ": " + e.getClass().getSimpleName());
        }
    }
}
