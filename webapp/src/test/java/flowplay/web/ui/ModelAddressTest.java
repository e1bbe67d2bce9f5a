package flowplay.web.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class ModelAddressTest {
    @Test
    void checkpointUrlsAndAddressesRoundTrip() {
        String[][] pairs = {
            {"/api/runs/495a50851f6f/checkpoint", "run/495a50851f6f"},
            {"/api/runs/495a50851f6f/checkpoints/1500", "run/495a50851f6f/1500"},
            {"pretrained/moons-vp-score.safetensors", "pretrained/moons-vp-score"},
        };
        for (String[] p : pairs) {
            assertEquals(p[1], ModelAddress.of(p[0]));
            assertEquals(p[0], ModelAddress.url(p[1]));
        }
    }

    @Test
    void anythingElseIsNoAddress() {
        for (String bad : new String[] {"", "run/", "run/XYZ", "run/../../etc/passwd", "run/ab/12/3", "run/ab/-1", "run/ab/1e3",
                "pretrained/", "pretrained/../secret", "pretrained/Moons", "https://evil.example/x", "/api/runs/ab/checkpoint",
                "run/ab%2f..", "run/" + "a".repeat(33)}) {
            assertNull(ModelAddress.url(bad), bad);
        }
        assertNull(ModelAddress.of("blob:abc"));
        assertNull(ModelAddress.of("/api/runs/ab/points"));
        assertNull(ModelAddress.of("/api/runs/../x/checkpoint"));
    }
}
