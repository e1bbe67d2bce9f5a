package flowplay.core.data;

/**
 * Reads a user's 2-D points from CSV text, strictly, so that a mistake is reported with its line instead of training on
 * something else. Pure Java without regular expressions, so the browser (TeaVM) checks drawn or uploaded points with the
 * same code and the same messages as the server.
 *
 * <p>Accepted: one point per line, two comma-separated numbers {@code x,y}; spaces or tabs around a number; line endings
 * LF, CRLF or CR, with or without a newline after the last line; blank lines (ignored); a leading UTF-8 byte order mark;
 * one optional header line of two non-numbers (e.g. {@code x,y}), only as the first non-blank line. A number is written
 * in decimal, optionally signed, with optional fraction and exponent ({@code -1.5}, {@code .5}, {@code 2e-3}); it must be
 * finite and fit a float. There must be at least {@link #MIN_POINTS} and at most {@code maxPoints} points, and the text
 * may be at most {@code maxBytes} bytes in UTF-8.
 *
 * <p>Refused with a {@link PointsFormatException} whose message names the line and the fault, for example
 * {@code line 17: 'abc' is not a number}, {@code line 3: expected 2 values, found 3},
 * {@code line 4: 'NaN' is not a finite number}, {@code too many points: 20001 > 20000},
 * {@code too many bytes: 1048577 > 1048576}.
 */
public final class PointsParser {
    public static final int MIN_POINTS = 2;
    /** Longest stretch of a bad value quoted in a message. */
    private static final int SHOWN = 24;

    private PointsParser() {
    }

    /**
     * @return row-major (x, y) pairs, 2·count values
     * @throws PointsFormatException when the text is not acceptable; the message says where and why
     */
    public static float[] parse(String text, int maxPoints, int maxBytes) {
        if (maxPoints < MIN_POINTS) {
            throw new IllegalArgumentException("maxPoints must be at least " + MIN_POINTS + ", got " + maxPoints);
        }
        if (maxBytes < 1) {
            throw new IllegalArgumentException("maxBytes must be positive, got " + maxBytes);
        }
        long bytes = utf8Length(text);
        if (bytes > maxBytes) {
            throw new PointsFormatException(0, "too many bytes: " + bytes + " > " + maxBytes);
        }
        int length = text.length();
        int pos = length > 0 && text.charAt(0) == '\uFEFF' ? 1 : 0;
        float[] out = new float[2 * Math.min(maxPoints, 1024)];
        int count = 0;
        int lineNo = 0;
        int headerLine = 0;
        boolean seenContent = false;
        while (pos < length) {
            int end = pos;
            while (end < length && text.charAt(end) != '\n' && text.charAt(end) != '\r') {
                end++;
            }
            String line = text.substring(pos, end);
            pos = end < length && text.charAt(end) == '\r' && end + 1 < length && text.charAt(end + 1) == '\n'
                    ? end + 2 : end + 1;
            lineNo++;
            if (isBlank(line)) {
                continue;
            }
            String[] fields = fields(line);
            if (!seenContent) {
                seenContent = true;
                if (allWords(fields)) {
                    if (fields.length != 2) {
                        throw new PointsFormatException(lineNo, "expected 2 values, found " + fields.length);
                    }
                    headerLine = lineNo;
                    continue;
                }
            }
            if (fields.length != 2) {
                throw new PointsFormatException(lineNo, "expected 2 values, found " + fields.length);
            }
            if (count == maxPoints) {
                throw new PointsFormatException(0, "too many points: " + (count + 1 + nonBlankLines(text, pos))
                        + " > " + maxPoints);
            }
            boolean headerLike = allWords(fields);
            if (2 * count + 2 > out.length) {
                float[] grown = new float[2 * Math.min(maxPoints, Math.max(count * 2, 1))];
                System.arraycopy(out, 0, grown, 0, 2 * count);
                out = grown;
            }
            out[2 * count] = number(fields[0], 1, lineNo, headerLike);
            out[2 * count + 1] = number(fields[1], 2, lineNo, headerLike);
            count++;
        }
        if (!seenContent) {
            throw new PointsFormatException(0, "no points: the text is empty");
        }
        if (count < MIN_POINTS) {
            String why = headerLine > 0 && count == 0 ? " (only a header line)" : "";
            throw new PointsFormatException(0, "too few points: " + count + " < " + MIN_POINTS + why);
        }
        if (out.length == 2 * count) {
            return out;
        }
        float[] exact = new float[2 * count];
        System.arraycopy(out, 0, exact, 0, 2 * count);
        return exact;
    }

    private static float number(String raw, int column, int lineNo, boolean headerLike) {
        String s = raw.trim();
        if (s.isEmpty()) {
            throw new PointsFormatException(lineNo, "value " + column + " is empty");
        }
        if (isNonFiniteWord(s)) {
            throw new PointsFormatException(lineNo, shown(s) + " is not a finite number");
        }
        if (!isDecimal(s)) {
            String hint = headerLike ? " (a header is allowed only as the first line)" : "";
            throw new PointsFormatException(lineNo, shown(s) + " is not a number" + hint);
        }
        double d = Double.parseDouble(s);
        if (Double.isInfinite(d) || Double.isNaN(d)) {
            throw new PointsFormatException(lineNo, shown(s) + " is not a finite number");
        }
        float f = (float) d;
        if (Float.isInfinite(f)) {
            throw new PointsFormatException(lineNo, shown(s) + " is too large (a float holds at most 3.4e38)");
        }
        return f;
    }

    /** [+-]? (digits [. digits?] | . digits) ([eE] [+-]? digits)? — what Java's parser also reads, minus hex and suffixes. */
    static boolean isDecimal(String s) {
        int i = 0;
        int n = s.length();
        if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
            i++;
        }
        int intDigits = 0;
        while (i < n && isDigit(s.charAt(i))) {
            i++;
            intDigits++;
        }
        int fracDigits = 0;
        if (i < n && s.charAt(i) == '.') {
            i++;
            while (i < n && isDigit(s.charAt(i))) {
                i++;
                fracDigits++;
            }
        }
        if (intDigits + fracDigits == 0) {
            return false;
        }
        if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
            i++;
            if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
                i++;
            }
            int expDigits = 0;
            while (i < n && isDigit(s.charAt(i))) {
                i++;
                expDigits++;
            }
            if (expDigits == 0) {
                return false;
            }
        }
        return i == n;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** NaN or infinity as spreadsheets and languages spell them, with an optional sign. */
    private static boolean isNonFiniteWord(String s) {
        String t = s.startsWith("+") || s.startsWith("-") ? s.substring(1) : s;
        return t.equalsIgnoreCase("nan") || t.equalsIgnoreCase("inf") || t.equalsIgnoreCase("infinity")
                || t.equals("∞");
    }

    /** True when every field is a non-empty word that is neither a number nor a spelling of NaN or infinity. */
    private static boolean allWords(String[] fields) {
        for (String field : fields) {
            String s = field.trim();
            if (s.isEmpty() || isDecimal(s) || isNonFiniteWord(s)) {
                return false;
            }
        }
        return true;
    }

    private static String[] fields(String line) {
        int commas = 0;
        for (int i = 0; i < line.length(); i++) {
            if (line.charAt(i) == ',') {
                commas++;
            }
        }
        String[] fields = new String[commas + 1];
        int start = 0;
        int k = 0;
        for (int i = 0; i <= line.length(); i++) {
            if (i == line.length() || line.charAt(i) == ',') {
                fields[k++] = line.substring(start, i);
                start = i + 1;
            }
        }
        return fields;
    }

    private static boolean isBlank(String line) {
        return line.trim().isEmpty();
    }

    private static int nonBlankLines(String text, int from) {
        int lines = 0;
        boolean content = false;
        for (int i = from; i <= text.length(); i++) {
            char c = i < text.length() ? text.charAt(i) : '\n';
            if (c == '\n' || c == '\r') {
                if (content) {
                    lines++;
                }
                content = false;
            } else if (c > ' ') {
                content = true;
            }
        }
        return lines;
    }

    private static String shown(String s) {
        return "'" + (s.length() > SHOWN ? s.substring(0, SHOWN) + "…" : s) + "'";
    }

    /** The text's size in UTF-8, what an upload or a request body of it weighs. */
    static long utf8Length(String s) {
        long bytes = 0;
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                bytes += 1;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                bytes += 4;
                i++;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }
}
