package flowplay.server.api;

import io.javalin.http.Context;

/**
 * Who a request comes from, for per-client limits: the connection's remote address, or behind a reverse proxy
 * ({@code trustProxy}) the rightmost X-Forwarded-For entry — the one the proxy itself appended; entries left of it are
 * whatever the client claimed, so trusting them would let anyone pick a fresh identity per request. An IPv6 client is
 * known by its /64: one home or phone gets a whole /64 and could take a fresh address for every request.
 */
final class ClientAddress {
    private ClientAddress() {
    }

    static String of(Context ctx, boolean trustProxy) {
        if (trustProxy) {
            String forwarded = rightmost(ctx.header("X-Forwarded-For"));
            if (forwarded != null) {
                return key(forwarded);
            }
        }
        return key(ctx.req().getRemoteAddr());
    }

    /**
     * The key an address's limits are kept under: an IPv4 address as it is (an IPv4-mapped IPv6 one as its IPv4), an
     * IPv6 address as its /64 prefix, and anything that does not parse as it is (it is only ever a map key).
     */
    static String key(String address) {
        String a = address.startsWith("[") && address.endsWith("]") ? address.substring(1, address.length() - 1) : address;
        int zone = a.indexOf('%');
        if (zone >= 0) {
            a = a.substring(0, zone);
        }
        if (a.indexOf(':') < 0) {
            return a;
        }
        String lower = a.toLowerCase(java.util.Locale.ROOT);
        if (lower.startsWith("::ffff:") && lower.indexOf('.') > 0) {
            return lower.substring("::ffff:".length());
        }
        int[] groups = groups(lower);
        if (groups == null) {
            return address;
        }
        return String.format(java.util.Locale.ROOT, "%x:%x:%x:%x::/64", groups[0], groups[1], groups[2], groups[3]);
    }

    /** The eight 16-bit groups of an IPv6 address in text (with at most one "::"), or null when it is none. */
    private static int[] groups(String a) {
        int gap = a.indexOf("::");
        if (gap >= 0 && a.indexOf("::", gap + 1) >= 0) {
            return null;
        }
        String[] head = parts(gap >= 0 ? a.substring(0, gap) : a);
        String[] tail = gap >= 0 ? parts(a.substring(gap + 2)) : new String[0];
        if (head == null || tail == null || head.length + tail.length > (gap >= 0 ? 7 : 8) || (gap < 0 && head.length != 8)) {
            return null;
        }
        int[] groups = new int[8];
        for (int i = 0; i < head.length; i++) {
            groups[i] = hex(head[i]);
        }
        for (int i = 0; i < tail.length; i++) {
            groups[8 - tail.length + i] = hex(tail[i]);
        }
        for (int g : groups) {
            if (g < 0) {
                return null;
            }
        }
        return groups;
    }

    private static String[] parts(String s) {
        return s.isEmpty() ? new String[0] : s.split(":", -1);
    }

    private static int hex(String group) {
        return group.matches("[0-9a-f]{1,4}") ? Integer.parseInt(group, 16) : -1;
    }

    /** The last non-empty comma-separated entry, trimmed; null for none. */
    static String rightmost(String header) {
        if (header == null) {
            return null;
        }
        int comma = header.lastIndexOf(',');
        String last = header.substring(comma + 1).trim();
        return last.isEmpty() ? null : last;
    }
}
