package flowplay.server.data;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The canonical text of a point set: one {@code x,y} line per point, each float in Java's shortest round-trip form,
 * so that parsing it back gives the same floats. It is what a run stores in {@code points.csv}, what the API serves,
 * and what the checkpoint's {@code pointsSha256} hashes: {@code sha256sum points.csv} checks a checkpoint's data.
 */
public final class PointsText {
    private PointsText() {
    }

    /** Row-major (x, y) points as CSV lines, without a header. */
    public static String csv(float[] xy) {
        StringBuilder sb = new StringBuilder(xy.length * 12);
        for (int i = 0; i + 1 < xy.length; i += 2) {
            sb.append(xy[i]).append(',').append(xy[i + 1]).append('\n');
        }
        return sb.toString();
    }

    /** SHA-256 of {@link #csv}'s UTF-8 bytes, as lower-case hex. */
    public static String sha256(float[] xy) {
        byte[] digest;
        try {
            digest = MessageDigest.getInstance("SHA-256").digest(csv(xy).getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
        StringBuilder hex = new StringBuilder(64);
        for (byte b : digest) {
            hex.append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
        }
        return hex.toString();
    }
}
