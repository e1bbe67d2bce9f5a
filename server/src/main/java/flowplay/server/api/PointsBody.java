package flowplay.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import flowplay.core.data.PointsFormatException;
import flowplay.core.data.PointsParser;
import flowplay.core.data.UserPoints;
import flowplay.core.settings.SettingException;

/**
 * The {@code points} field of {@code POST /api/runs}: the user's own points, as a CSV string ({@code "x,y\n…"}, read
 * by the shared {@code PointsParser}) or a JSON array of {@code [x, y]} pairs, under {@link UserPoints}'s limits.
 * Required when {@code dataset} is {@code points}, refused otherwise; every fault is a 400 naming {@code points}.
 */
final class PointsBody {
    private PointsBody() {
    }

    /**
     * The points (row-major x, y), or null when none were given and none are wanted; under this server's caps (at most
     * UserPoints's): {@code maxPoints} points, and {@code maxBytes} bytes of CSV text (an array's size is bounded by the
     * request body cap instead).
     */
    static float[] read(JsonNode node, String dataset, int maxPoints, int maxBytes) {
        String allowed = allowed(maxPoints, maxBytes);
        boolean given = node != null && !node.isNull();
        boolean wanted = UserPoints.NAME.equals(dataset);
        if (!given) {
            if (wanted) {
                throw refused("required with dataset=" + UserPoints.NAME, allowed);
            }
            return null;
        }
        if (!wanted) {
            throw refused("only with dataset=" + UserPoints.NAME + ", not with dataset=" + dataset, allowed);
        }
        if (node.isTextual()) {
            try {
                return PointsParser.parse(node.textValue(), maxPoints, maxBytes);
            } catch (PointsFormatException e) {
                throw refused(e.getMessage(), allowed);
            }
        }
        if (node.isArray()) {
            return pairs(node, maxPoints, allowed);
        }
        throw refused("must be a CSV string or an array of [x, y] pairs, not " + node.getNodeType().name().toLowerCase(), allowed);
    }

    /** UserPoints.ALLOWED with this server's caps. */
    static String allowed(int maxPoints, int maxBytes) {
        return UserPoints.MIN_POINTS + " to " + maxPoints + " points (x, y) of finite numbers, "
                + "as CSV lines x,y or a JSON array of [x, y] pairs, at most " + maxBytes + " bytes";
    }

    private static float[] pairs(JsonNode array, int maxPoints, String allowed) {
        int n = array.size();
        if (n > maxPoints) {
            throw refused("too many points: " + n + " > " + maxPoints, allowed);
        }
        float[] xy = new float[2 * n];
        for (int i = 0; i < n; i++) {
            JsonNode pair = array.get(i);
            if (!pair.isArray() || pair.size() != 2) {
                String found = pair.isArray() ? pair.size() + " values" : "a " + pair.getNodeType().name().toLowerCase();
                throw refused("point " + (i + 1) + ": expected [x, y], found " + found, allowed);
            }
            for (int k = 0; k < 2; k++) {
                JsonNode v = pair.get(k);
                if (!v.isNumber()) {
                    throw refused("point " + (i + 1) + ": " + v + " is not a number", allowed);
                }
                double d = v.doubleValue();
                if (!Double.isFinite(d)) {
                    throw refused("point " + (i + 1) + ": " + v.asText() + " is not a finite number", allowed);
                }
                if (Float.isInfinite((float) d)) {
                    throw refused("point " + (i + 1) + ": " + v.asText() + " is too large (a float holds at most 3.4e38)", allowed);
                }
                xy[2 * i + k] = (float) d;
            }
        }
        String problem = UserPoints.problem(xy);
        if (problem != null) {
            throw refused(problem, allowed);
        }
        return xy;
    }

    private static SettingException refused(String problem, String allowed) {
        return new SettingException(UserPoints.NAME, problem, allowed);
    }
}
