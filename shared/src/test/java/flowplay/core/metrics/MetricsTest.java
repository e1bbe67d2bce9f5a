package flowplay.core.metrics;

import flowplay.core.json.Json;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MetricsTest {
    @Test
    void computesEveryMetricAndWritesJson() {
        float[] x = Samples.gaussian(1, 200, 2, 0);
        float[] y = Samples.translate(x, 200, 2, new double[] {1, 0});
        Metrics equal = Metrics.compare(x, 200, y, 200, 2);
        assertEquals(1, equal.exactW2(), 1e-5);
        assertEquals(EnergyDistance.of(x, 200, y, 200, 2), equal.energyDistance(), 0);
        assertEquals(SlicedWasserstein.squared(x, 200, y, 200, 2), equal.slicedWasserstein2(), 0);
        assertEquals(Mmd.squared(x, 200, y, 200, 2), equal.mmd2(), 0);

        Metrics unequal = Metrics.compare(x, 200, y, 150, 2);
        assertTrue(Double.isNaN(unequal.exactW2()));
        @SuppressWarnings("unchecked")
        Map<String, Object> json = (Map<String, Object>) Json.parse(Json.write(unequal.toJson()));
        assertNull(json.get("exact_w2"));
        assertEquals(150.0, json.get("reference"));
        assertEquals(unequal.energyDistance(), (Double) json.get("energy_distance"), 1e-12);
    }
}
