package flowplay.core.settings;

import flowplay.core.model.Activation;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SettingsTest {
    @Test
    void defaultsAreTheSeedRecipe() {
        TrainConfig c = TrainConfig.from(Settings.defaults(Settings.TRAIN));
        assertEquals(new TrainConfig("moons", 5000, 256, 0.01, 0, 64, 3, Activation.ELU, 250), c);
        assertArrayEquals(new int[] {3, 64, 64, 64, 2}, c.layerSizes(2));
        assertEquals("heun", Settings.defaults(Settings.SAMPLE).getString("solver"));
    }

    @Test
    void normalizesNumbersGivenInAnySpelling() {
        SettingValues v = Settings.parse(Settings.TRAIN, Map.of("steps", " 2000.0 ", "lr", "1e-3", "dataset", "circles"));
        assertEquals("2000", v.asMap().get("steps"));
        assertEquals(0.001, v.getDouble("lr"));
        assertEquals("circles", v.getString("dataset"));
    }

    @Test
    void errorsNameTheFieldAndTheAllowedRange() {
        assertError("steps", "0", "steps", "integer in [1, 100000]");
        assertError("steps", "12.5", "steps", "integer in [1, 100000]");
        assertError("batch", "lots", "batch", "integer in [1, 4096]");
        assertError("lr", "NaN", "lr", "number in [1.0E-6, 1.0]");
        assertError("lr", "Infinity", "lr", "number in [1.0E-6, 1.0]");
        assertError("dataset", "mnist", "dataset",
                "one of moons, circles, 8gaussians, 25gaussians, checkerboard, 2spirals, swissroll, pinwheel, uniform, faithful, iris, points");
        assertEquals("pinwheel", Settings.parse(Settings.TRAIN, Map.of("dataset", "pinwheel")).getString("dataset"));
        assertEquals("faithful", Settings.parse(Settings.TRAIN, Map.of("dataset", "faithful")).getString("dataset"));
        assertEquals("points", Settings.parse(Settings.TRAIN, Map.of("dataset", "points")).getString("dataset"));
        assertError("activation", "ELU", "activation", "one of elu, silu, relu, tanh, gelu");
        SettingException e = assertThrows(SettingException.class, () -> Settings.parse(Settings.TRAIN, Map.of("epochs", "3")));
        assertEquals("epochs", e.field());
        assertEquals("epochs: unknown setting (allowed: one of dataset, steps, batch, lr, seed, width, depth, activation, checkpointEvery)",
                e.getMessage());
    }

    @Test
    void everyDefaultPassesItsOwnValidation() {
        for (Setting s : Settings.TRAIN) {
            assertEquals(s.defaultValue(), s.normalize(s.defaultValue()), s.name());
        }
        for (Setting s : Settings.SAMPLE) {
            assertEquals(s.defaultValue(), s.normalize(s.defaultValue()), s.name());
        }
        assertEquals("steps", Settings.find(Settings.SAMPLE, "sampleSteps").flag());
    }

    private static void assertError(String name, String value, String field, String allowed) {
        SettingException e = assertThrows(SettingException.class, () -> Settings.parse(Settings.TRAIN, Map.of(name, value)));
        assertEquals(field, e.field());
        assertEquals(allowed, e.allowed());
    }
}
