package flowplay.server.api;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Per-client limits key an IPv6 client by its /64, so a fresh address from the same network is the same client. */
class ClientAddressTest {

    @Test
    void ipv4IsKeptAndIpv6IsKeyedByItsSlash64() {
        assertEquals("203.0.113.9", ClientAddress.key("203.0.113.9"));
        assertEquals("2001:db8:a:b::/64", ClientAddress.key("2001:db8:a:b:1:2:3:4"));
        assertEquals("2001:db8:a:b::/64", ClientAddress.key("2001:0DB8:000a:b:ffff::1"), "case and leading zeros");
        assertEquals("2001:db8:a:b::/64", ClientAddress.key("[2001:db8:a:b::7]"), "brackets");
        assertEquals("fe80:0:0:0::/64", ClientAddress.key("fe80::1%eth0"), "zone");
        assertEquals("0:0:0:0::/64", ClientAddress.key("::1"));
        assertEquals("2001:db8:0:0::/64", ClientAddress.key("2001:db8::"));
        assertEquals("198.51.100.7", ClientAddress.key("::ffff:198.51.100.7"), "IPv4-mapped");
    }

    @Test
    void whatDoesNotParseIsItsOwnKey() {
        for (String junk : new String[] {"1:2:3", "1::2::3", "12345::1", "g::1", "unknown", "1:2:3:4:5:6:7:8:9", ""}) {
            assertEquals(junk, ClientAddress.key(junk), junk);
        }
    }
}
