package flowplay.server.api;

import flowplay.core.data.UserPoints;
import flowplay.core.settings.Setting;
import flowplay.core.settings.Settings;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Generators of bad requests for {@link BadRequestsTest}, derived from the train settings table so that a bound changed
 * there moves the generated values with it. Every generated value is invalid by construction, not by luck.
 */
final class BadRequests {
    /** A body the settings table must refuse, naming {@code field}. */
    record BadField(Setting setting, String json) {
    }

    /** Characters for junk text: letters, digits, punctuation, quotes, control and non-ASCII characters (no lone surrogates). */
    static final String JUNK = "abcxyzXYZ0123456789 !\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~\t\n\u0000\u00e9\u4e2d\u2603\u00ff";

    private BadRequests() {
    }

    static Arbitrary<String> junk(int maxLength) {
        return Arbitraries.strings().withChars(JUNK.toCharArray()).ofMaxLength(maxLength);
    }

    static String quote(String s) {
        try {
            return TestServer.JSON.writeValueAsString(s);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** One setting of the table with a value outside what it allows (out of range, not finite, not a number, not a choice, wrong type). */
    static Arbitrary<BadField> badField() {
        List<Arbitrary<BadField>> perSetting = new ArrayList<>();
        for (Setting s : Settings.TRAIN) {
            perSetting.add(Arbitraries.oneOf(badValue(s), wrongType()).map(json -> new BadField(s, json)));
        }
        return Arbitraries.oneOf(perSetting);
    }

    /** Arrays, objects and booleans where a number or a string belongs. */
    static Arbitrary<String> wrongType() {
        return Arbitraries.oneOf(Arbitraries.of("true", "false", "[]", "[1]", "[\"5\"]", "{}", "{\"value\": 5}", "[[[[]]]]", "[null]"),
                Arbitraries.integers().between(1, 200).map(depth -> "[".repeat(depth) + "]".repeat(depth)));
    }

    private static Arbitrary<String> badValue(Setting s) {
        if (s.kind() == Setting.Kind.CHOICE) {
            Arbitrary<String> unknown = junk(30).filter(v -> !s.choices().contains(v.trim())).map(BadRequests::quote);
            Arbitrary<String> shouted = Arbitraries.of(s.choices()).map(c -> c.toUpperCase() + "!").map(BadRequests::quote);
            return Arbitraries.oneOf(unknown, shouted, Arbitraries.integers().map(Object::toString), Arbitraries.of("NaN", "1e400"));
        }
        List<Arbitrary<String>> bad = new ArrayList<>();
        bad.add(Arbitraries.of("NaN", "Infinity", "-Infinity", "+Infinity", "1e400", "-1e400", "\"NaN\"", "\"-Infinity\"",
                "\"1e400\"", "\"\"", "\"   \"", "\"0x10\"", "\"5 5\"", "\"1,2\""));
        bad.add(junk(30).map(t -> quote("x" + t)));
        // Integers with hundreds of digits: far beyond any bound, and beyond a long.
        bad.add(Arbitraries.strings().numeric().ofMinLength(19).ofMaxLength(400).map(d -> "9" + d));
        bad.add(Arbitraries.strings().numeric().ofMinLength(19).ofMaxLength(400).map(d -> "-9" + d));
        if (s.kind() == Setting.Kind.INT) {
            long min = (long) s.min();
            long max = (long) s.max();
            bad.add(Arbitraries.longs().between(1, 1L << 50).map(k -> Long.toString(min - k)));
            bad.add(Arbitraries.longs().between(1, 1L << 50).map(k -> Long.toString(max + k)));
            bad.add(Arbitraries.longs().between(1, 1L << 50).map(k -> quote(Long.toString(max + k))));
            bad.add(Arbitraries.longs().between(min, Math.min(max - 1, min + 1000)).map(v -> v + ".5"));
        } else {
            // Beyond a bound by 0.1 % to 10^6 times the range: never rounds back onto the bound.
            double span = s.max() - s.min();
            Arbitrary<Double> beyond = Arbitraries.integers().between(-30, 60).map(k -> span * Math.pow(10, k / 10.0));
            bad.add(beyond.map(d -> Double.toString(s.min() - d)));
            bad.add(beyond.map(d -> Double.toString(s.max() + d)));
            bad.add(beyond.map(d -> quote(Double.toString(s.max() + d))));
        }
        if (s.min() > 0) {
            bad.add(Arbitraries.of("-0", "-0.0", "0", "\"-0\""));
        }
        return Arbitraries.oneOf(bad);
    }

    /** A field name the table does not have. */
    static Arbitrary<String> unknownName() {
        Arbitrary<String> words = Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(20);
        Arbitrary<String> near = Arbitraries.of(Settings.names(Settings.TRAIN)).map(n -> n.toUpperCase() + "_");
        return Arbitraries.oneOf(words, near, junk(20), Arbitraries.of("", " ", "__proto__", "constructor", "../steps", "steps "))
                .filter(n -> Settings.find(Settings.TRAIN, n) == null && !n.equals(UserPoints.NAME));
    }

    /** A request body that is not a JSON object of settings: junk bytes, cut-off or trailing text, other JSON values, deep nesting. */
    static Arbitrary<byte[]> malformedBody() {
        String valid = "{\"steps\": 5, \"width\": 8, \"dataset\": \"moons\"}";
        Arbitrary<String> text = Arbitraries.oneOf(
                Arbitraries.integers().between(1, valid.length() - 1).map(cut -> valid.substring(0, cut)),
                junk(40).map(t -> valid + " x" + t),
                Arbitraries.of("[]", "[1, 2]", "5", "-0", "1e400", "\"steps\"", "null", "true", "NaN", "[{\"steps\": 5}]", "{\"steps\" 5}",
                        "{'steps': 5}", "{\"steps\": 5,}", "{steps: 5}", "{\"steps\": 05}", "{\"steps\": .5}", "{\"steps\": 5e}",
                        "{\"steps\": \"5}", "{\"steps\": [5}", "{\"a\":1}{\"b\":2}", "{\"steps\": 0x10}", "<xml/>", "steps=5&width=8"),
                Arbitraries.integers().between(1001, 10_000).map(d -> "{\"steps\": " + "[".repeat(d) + "]".repeat(d) + "}"),
                Arbitraries.integers().between(1001, 10_000).map(d -> "{\"a\":".repeat(d) + "1" + "}".repeat(d)),
                Arbitraries.integers().between(1001, 10_000).map(d -> "[".repeat(d)),
                Arbitraries.strings().numeric().ofMinLength(1001).ofMaxLength(3000).map(d -> "{\"seed\": 1" + d + "}"),
                junk(200).map(t -> "x" + t));
        Arbitrary<byte[]> bytes = Arbitraries.bytes().array(byte[].class).ofMinSize(1).ofMaxSize(300)
                .map(b -> {
                    b[0] = (byte) 0xC3; // never a JSON start, and an invalid UTF-8 sequence with most next bytes
                    return b;
                });
        return Arbitraries.oneOf(text.map(t -> t.getBytes(StandardCharsets.UTF_8)), bytes);
    }

    static Arbitrary<String> contentType() {
        return Arbitraries.of("application/json", "application/json; charset=utf-8", "text/plain", "application/x-www-form-urlencoded",
                "multipart/form-data; boundary=xyz", "application/octet-stream", "garbage/;;;", "application/json; charset=bogus-42");
    }

    /** The {@code points} field's bad values, as JSON, each with dataset=points. */
    static Arbitrary<String> badPoints() {
        Arbitrary<String> badLine = Arbitraries.of("abc,1", "1,2,3", "1", "NaN,0", "0,Infinity", "-Infinity,2", "1e39,0", "0x10,1", ",",
                "1,", ",2", "1;2", "1 2", "1,2,", "--1,2", "1e,2", "∞,1", "1.2.3,4");
        Arbitrary<String> csv = Combinators.combine(Arbitraries.integers().between(0, 30), badLine, Arbitraries.integers().between(0, 30))
                .as((before, line, after) -> quote(lines(before) + line + "\n" + lines(after)));
        Arbitrary<String> tooFew = Arbitraries.of("\"\"", "\"\\n\\n\"", "\"1,2\"", "\"x,y\\n1,2\"", "[]", "[[1, 2]]", "\"x,y\"");
        Arbitrary<String> tooMany = Arbitraries.integers().between(UserPoints.MAX_POINTS + 1, UserPoints.MAX_POINTS + 50)
                .map(n -> "[" + "[1,2],".repeat(n - 1) + "[1,2]]");
        Arbitrary<String> badPair = Arbitraries.of("[1]", "[1, 2, 3]", "[]", "5", "\"1,2\"", "null", "{\"x\": 1, \"y\": 2}", "[\"1\", 2]",
                "[true, 1]", "[null, 1]", "[NaN, 1]", "[1, Infinity]", "[1e400, 0]", "[1e39, 0]", "[[1], 2]", "[1, {}]");
        Arbitrary<String> pairs = Combinators.combine(Arbitraries.integers().between(0, 20), badPair, Arbitraries.integers().between(0, 20))
                .as((before, pair, after) -> "[" + "[0.5, -1],".repeat(before) + pair + ",[1, 2]".repeat(after) + "]");
        Arbitrary<String> wrongType = Arbitraries.of("5", "true", "{}", "{\"points\": []}", "null", "-0", "NaN");
        return Arbitraries.oneOf(csv, tooFew, Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(1, tooMany), net.jqwik.api.Tuple.of(9, pairs)), pairs, wrongType);
    }

    private static String lines(int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append(i * 0.25).append(',').append(-i).append('\n');
        }
        return sb.toString();
    }

    /** Run ids that name no run: junk, traversal attempts, over-long and hex-looking ones, already percent-encoded for a path. */
    static Arbitrary<String> unknownIdInPath() {
        Arbitrary<String> raw = Arbitraries.of("..%2F..%2Fetc%2Fpasswd", "..", "%2e%2e", "%2e%2e%2f%2e%2e%2frun.json", "..%5C..%5Cwin.ini",
                "%00", "abc%00def", "run.json", "runs", "%252e%252e%252f", "..%c0%af", "abc123", "ffffffffffff", "0", "-1",
                "%7B%7D", "null", "undefined", "%20", "a%2Fb");
        Arbitrary<String> encoded = Arbitraries.oneOf(junk(60).filter(s -> !s.isEmpty()), Arbitraries.strings().withCharRange('a', 'f')
                .numeric().ofMinLength(1).ofMaxLength(16), Arbitraries.strings().alpha().ofMinLength(200).ofMaxLength(2000),
                Arbitraries.of("../../etc/passwd", "/tmp", "..\\..\\boot.ini", "~root", "$(id)", "'; DROP TABLE runs;--"))
                .map(BadRequests::encode);
        return Arbitraries.oneOf(raw, encoded);
    }

    /** What follows /api/runs/{id}: every route, and some that do not exist. */
    static Arbitrary<String> runRoute() {
        return Arbitraries.of("", "/", "/pause", "/resume", "/checkpoint", "/checkpoints", "/checkpoints/1", "/checkpoints/x", "/points",
                "/stream", "/nope", "/checkpoints/1/more", "/..", "/%2e%2e/%2e%2e");
    }

    static Arbitrary<String> method() {
        return Arbitraries.of("GET", "POST", "DELETE", "PUT", "PATCH");
    }
}
