package flowplay.core.settings;

import flowplay.core.data.Moons;
import flowplay.core.model.Activation;
import flowplay.core.model.TimeEmbedding;
import flowplay.core.path.scheduler.Polynomial;
import flowplay.core.path.scheduler.Vp;
import flowplay.core.prediction.Prediction;
import flowplay.core.training.LossWeight;
import flowplay.core.training.LrSchedule;
import flowplay.core.training.TimeSampler;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SettingsTest {
    @Test
    void defaultsAreTheSeedRecipe() {
        TrainConfig c = TrainConfig.from(Settings.defaults(Settings.TRAIN));
        assertEquals("moons", c.dataset());
        assertEquals(List.of(5000, 256, 0.01, 0L, 64, 3, Activation.ELU, 250),
                List.of(c.steps(), c.batch(), c.lr(), c.seed(), c.width(), c.depth(), c.activation(), c.checkpointEvery()));
        assertEquals("condot", c.objective().scheduler().name());
        assertEquals(Prediction.VELOCITY, c.objective().prediction());
        assertEquals(LossWeight.NONE, c.objective().lossWeight());
        assertEquals("independent", c.objective().coupling());
        assertEquals(TimeSampler.uniform(), c.objective().times());
        assertEquals(LrSchedule.CONSTANT, c.lrSchedule());
        assertEquals(0.0, c.ema());
        assertEquals(TimeEmbedding.LINEAR, c.timeInput());
        assertArrayEquals(new int[] {3, 64, 64, 64, 2}, c.layerSizes(new Moons(0.05)));
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
                "one of moons, circles, 8gaussians, 25gaussians, checkerboard, 2spirals, swissroll, pinwheel, uniform, faithful, iris, digits, points");
        assertEquals("pinwheel", Settings.parse(Settings.TRAIN, Map.of("dataset", "pinwheel")).getString("dataset"));
        assertEquals("faithful", Settings.parse(Settings.TRAIN, Map.of("dataset", "faithful")).getString("dataset"));
        assertEquals("points", Settings.parse(Settings.TRAIN, Map.of("dataset", "points")).getString("dataset"));
        assertError("activation", "ELU", "activation", "one of elu, silu, relu, tanh, gelu");
        SettingException e = assertThrows(SettingException.class, () -> Settings.parse(Settings.TRAIN, Map.of("epochs", "3")));
        assertEquals("epochs", e.field());
        assertTrue(e.getMessage().startsWith("epochs: unknown setting (allowed: one of dataset, conditioning, labelDropout, scheduler, "), e.getMessage());
    }

    @Test
    void networkInputsFollowTheCouplingAndTheTimeFeatures() {
        TrainConfig fourier = config(Map.of("timeInput", "fourier", "fourierK", "6", "coupling", "dependent", "depth", "2"));
        assertArrayEquals(new int[] {2 + 2 + 13, 64, 64, 2}, fourier.layerSizes(new Moons(0.05)));
        assertEquals(TimeEmbedding.fourier(6), fourier.timeInput());
        assertEquals(Map.of("keep", "0.5"), fourier.objective().couplingParams());
        TrainConfig vp = config(Map.of("scheduler", "vp", "betaMin", "0.5", "betaMax", "12"));
        assertEquals(new Vp(0.5, 12), vp.objective().scheduler());
        assertEquals(new Polynomial(3), config(Map.of("scheduler", "polynomial", "polynomialN", "3")).objective().scheduler());
        TimeSampler logit = config(Map.of("timeSampling", "logit-normal", "timeMean", "-0.5", "timeStd", "0.8")).objective().times();
        assertEquals(new TimeSampler("logit-normal", -0.5, 0.8), logit);
    }

    @Test
    void settingsThatContradictEachOtherNameTheField() {
        SettingException beta = assertThrows(SettingException.class, () -> config(Map.of("scheduler", "vp", "betaMin", "5", "betaMax", "2")));
        assertEquals("betaMax", beta.field());
        SettingException score = assertThrows(SettingException.class, () -> config(Map.of("prediction", "score", "coupling", "minibatch-ot")));
        assertEquals("coupling", score.field());
        assertEquals("independent when prediction is score", score.allowed());
    }

    @Test
    void settingsThatOnlyMatterForOneChoiceSaySo() {
        Setting betaMin = Settings.find(Settings.TRAIN, "betaMin");
        assertTrue(betaMin.applies(Map.of("scheduler", "vp")));
        assertFalse(betaMin.applies(Map.of("scheduler", "condot")));
        assertTrue(Settings.find(Settings.TRAIN, "steps").applies(Map.of()));
        for (Setting s : Settings.TRAIN) {
            if (s.when() != null) {
                Setting parent = Settings.find(Settings.TRAIN, s.when().setting());
                assertTrue(parent != null && parent.choices().containsAll(s.when().values()), s.name() + " depends on a real choice");
            }
        }
    }

    private static TrainConfig config(Map<String, String> raw) {
        return TrainConfig.from(Settings.parse(Settings.TRAIN, raw));
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

    @Test
    void stripStepsIsAListOfStepCounts() {
        SettingValues d = Settings.defaults(Settings.SAMPLE);
        assertArrayEquals(new int[] {1, 2, 4, 8, 16, 32}, d.getIntList("stripSteps"));
        assertEquals("energy", d.getString("stripMetric"));
        assertEquals(4096, d.getInt("stripSamples"));
        SettingValues v = Settings.parse(Settings.SAMPLE, Map.of("stripSteps", " 3, 5.0 ,1000"));
        assertEquals("3,5,1000", v.getString("stripSteps"));
        assertArrayEquals(new int[] {3, 5, 1000}, v.getIntList("stripSteps"));
        assertEquals("7", Settings.parse(Settings.SAMPLE, Map.of("stripSteps", "7")).getString("stripSteps"));
    }

    @Test
    void badStripStepsNameTheFieldAndTheRange() {
        String allowed = "1 to 8 comma-separated integers in [1, 1000]";
        for (String bad : new String[] {"", "1,,2", "0", "1001", "2.5", "a", "1,2,3,4,5,6,7,8,9", "NaN", "1;2"}) {
            SettingException e = assertThrows(SettingException.class,
                    () -> Settings.parse(Settings.SAMPLE, Map.of("stripSteps", bad)), bad);
            assertEquals("stripSteps", e.field(), bad);
            assertEquals(allowed, e.allowed(), bad);
        }
    }

    private static void assertError(String name, String value, String field, String allowed) {
        SettingException e = assertThrows(SettingException.class, () -> Settings.parse(Settings.TRAIN, Map.of(name, value)));
        assertEquals(field, e.field());
        assertEquals(allowed, e.allowed());
    }
}
