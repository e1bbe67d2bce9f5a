package flowplay.server.data;

import flowplay.core.data.Digits;
import flowplay.core.data.PointsFormatException;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.zip.GZIPInputStream;

/**
 * The digits shipped in the jar as {@code /training-data/digits/digits.csv.gz}: byte for byte the file of Debian's
 * python3-sklearn package (training-data/README.md), so its SHA-256 is checked before it is unpacked and parsed.
 * Read once, at start-up of the commands that need it; a changed or broken file stops the program with the file named.
 */
public final class DigitsFile {
    static final String PATH = TrainingFiles.FOLDER + "digits/digits.csv.gz";
    static final String SHA256 = "46abec6b12486ad9e51943373abcf22bbea1b5a51a1619b361570d8893f1464a";
    /** The UCI test set's size; a file with another count is not the one documented. */
    static final int COUNT = 1797;
    private static volatile Digits shipped;

    private DigitsFile() {
    }

    public static Digits shipped() {
        Digits d = shipped;
        if (d == null) {
            synchronized (DigitsFile.class) {
                if (shipped == null) {
                    shipped = load(DigitsFile.class.getResourceAsStream(PATH));
                }
                d = shipped;
            }
        }
        return d;
    }

    static Digits load(InputStream in) {
        if (in == null) {
            throw new IllegalStateException("digits: " + PATH + " is not in the jar");
        }
        byte[] gz;
        try (in) {
            gz = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("digits: cannot read " + PATH + ": " + e.getMessage(), e);
        }
        String sha = sha256(gz);
        if (!SHA256.equals(sha)) {
            throw new IllegalStateException("digits: " + PATH + " has SHA-256 " + sha + ", not the documented " + SHA256);
        }
        String text;
        try (GZIPInputStream unzip = new GZIPInputStream(new java.io.ByteArrayInputStream(gz))) {
            text = new String(unzip.readAllBytes(), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException("digits: cannot unpack " + PATH + ": " + e.getMessage(), e);
        }
        Digits digits;
        try {
            digits = Digits.parse(text);
        } catch (PointsFormatException e) {
            throw new IllegalStateException("digits: " + PATH + " " + e.getMessage(), e);
        }
        if (digits.size() != COUNT) {
            throw new IllegalStateException("digits: " + PATH + " holds " + digits.size() + " images, not " + COUNT);
        }
        return digits;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
