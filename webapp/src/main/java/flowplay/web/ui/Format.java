package flowplay.web.ui;

/**
 * Number text for the page and the {@code #stats} attributes. TeaVM has no {@code String.format}, and
 * {@code Double.toString} switches to exponent notation for small values, which tests and people read badly.
 */
public final class Format {
    private Format() {
    }

    /** Plain decimal with exactly {@code digits} fraction digits, e.g. {@code fixed(-0.05, 3)} is "-0.050". */
    public static String fixed(double v, int digits) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "Infinity" : "-Infinity";
        }
        long scale = 1;
        for (int i = 0; i < digits; i++) {
            scale *= 10;
        }
        long r = Math.round(Math.abs(v) * scale);
        StringBuilder sb = new StringBuilder();
        if (v < 0 && r != 0) {
            sb.append('-');
        }
        sb.append(r / scale);
        if (digits > 0) {
            String frac = Long.toString(r % scale);
            sb.append('.');
            for (int i = frac.length(); i < digits; i++) {
                sb.append('0');
            }
            sb.append(frac);
        }
        return sb.toString();
    }

    /** About {@code significant} significant digits without exponent notation, trailing zeros dropped. */
    public static String significant(double v, int significant) {
        if (v == 0 || Double.isNaN(v) || Double.isInfinite(v)) {
            return fixed(v, 0);
        }
        int magnitude = (int) Math.floor(Math.log10(Math.abs(v)));
        int digits = Math.max(0, Math.min(12, significant - 1 - magnitude));
        return trimZeros(fixed(v, digits));
    }

    /** A bound or value as short plain text: integers without ".0", others with the digits they need. */
    public static String plain(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return significant(v, 10);
    }

    private static String trimZeros(String s) {
        if (s.indexOf('.') < 0) {
            return s;
        }
        int end = s.length();
        while (s.charAt(end - 1) == '0') {
            end--;
        }
        if (s.charAt(end - 1) == '.') {
            end--;
        }
        return s.substring(0, end);
    }
}
