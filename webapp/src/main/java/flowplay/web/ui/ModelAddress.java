package flowplay.web.ui;

/**
 * The shown model's stable address, kept in the URL hash as {@code model=…} so that a pasted link draws the same
 * model: {@code run/ID} (the run's newest checkpoint, {@code /api/runs/ID/checkpoint}), {@code run/ID/STEP} (one
 * checkpoint, {@code /api/runs/ID/checkpoints/STEP}) or {@code pretrained/NAME} (a bundled file). A model read from
 * the user's own file has no address. Values are checked character by character: a hash is anyone's input, and it
 * must only ever name one of these URLs.
 */
public final class ModelAddress {
    public static final String KEY = "model";
    public static final String ALLOWED = "run/ID, run/ID/STEP or pretrained/NAME (ID hexadecimal, STEP a whole number, "
            + "NAME lower-case letters, digits and '-')";
    private static final String RUNS = "/api/runs/";
    private static final String PRETRAINED = "pretrained/";
    private static final String SUFFIX = ".safetensors";

    private ModelAddress() {
    }

    /** The address of a checkpoint URL the page downloads, or null for a URL that has none. */
    public static String of(String url) {
        if (url.startsWith(PRETRAINED) && url.endsWith(SUFFIX)) {
            String name = url.substring(PRETRAINED.length(), url.length() - SUFFIX.length());
            return isName(name) ? PRETRAINED + name : null;
        }
        if (!url.startsWith(RUNS)) {
            return null;
        }
        String[] parts = url.substring(RUNS.length()).split("/");
        if (parts.length == 2 && parts[1].equals("checkpoint") && isId(parts[0])) {
            return "run/" + parts[0];
        }
        if (parts.length == 3 && parts[1].equals("checkpoints") && isId(parts[0]) && isStep(parts[2])) {
            return "run/" + parts[0] + "/" + parts[2];
        }
        return null;
    }

    /** The URL an address names, or null when the value is not an address (see {@link #ALLOWED}). */
    public static String url(String address) {
        if (address.startsWith(PRETRAINED)) {
            String name = address.substring(PRETRAINED.length());
            return isName(name) ? PRETRAINED + name + SUFFIX : null;
        }
        if (!address.startsWith("run/")) {
            return null;
        }
        String[] parts = address.substring(4).split("/");
        if (parts.length == 1 && isId(parts[0])) {
            return RUNS + parts[0] + "/checkpoint";
        }
        if (parts.length == 2 && isId(parts[0]) && isStep(parts[1])) {
            return RUNS + parts[0] + "/checkpoints/" + parts[1];
        }
        return null;
    }

    private static boolean isId(String s) {
        return matches(s, 32, "0123456789abcdef");
    }

    private static boolean isStep(String s) {
        return matches(s, 12, "0123456789");
    }

    private static boolean isName(String s) {
        return matches(s, 64, "abcdefghijklmnopqrstuvwxyz0123456789-");
    }

    private static boolean matches(String s, int maxLength, String alphabet) {
        if (s.isEmpty() || s.length() > maxLength) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (alphabet.indexOf(s.charAt(i)) < 0) {
                return false;
            }
        }
        return true;
    }
}
