package flowplay.core.checkpoint;

import flowplay.core.json.Json;
import flowplay.core.model.Activation;
import flowplay.core.model.Condition;
import flowplay.core.model.Mlp;
import flowplay.core.model.NetworkInput;
import flowplay.core.model.TimeEmbedding;
import flowplay.core.model.PredictionField;
import flowplay.core.path.AffinePath;
import flowplay.core.path.scheduler.CondOt;
import flowplay.core.path.scheduler.Vp;
import flowplay.core.prediction.Prediction;
import flowplay.core.rng.Rng;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CheckpointTest {
    private static final int[] SIZES = {3, 64, 64, 64, 2};

    private static Mlp seedNetwork() {
        return Mlp.init(SIZES, Activation.ELU, new Rng(11));
    }

    /**
     * A network with Fourier time features and a mask input keeps both through the file: the model metadata names them
     * and the velocity field read back builds concat(x, m, τ(t)) exactly as training did.
     */
    @Test
    void fourierTimeAndMaskConditionRoundTrip() {
        TimeEmbedding time = TimeEmbedding.fourier(3);
        NetworkInput layout = new NetworkInput(2, 2, time);
        Mlp mlp = Mlp.init(new int[] {layout.width(), 16, 2}, Activation.SILU, new Rng(2));
        Checkpoint read = Checkpoint.fromBytes(Checkpoint.of(mlp, time, new Vp(0.1, 20), Prediction.X1, Map.of()).toBytes());
        assertEquals("fourier(3)", read.model().time());
        assertEquals(flowplay.core.model.Condition.MASK, read.model().condition());
        assertTrue(read.metadata().get(Checkpoint.KEY_MODEL).contains("\"time\":\"fourier(3)\""));
        float[] x = {0.3f, -1.2f, 0.7f, 0.1f};
        float[] mask = {1, 0, 0, 0};
        PredictionField field = read.velocityField();
        field.condition(mask);
        float[] got = new float[4];
        field.predict(x, 0.4f, 2, got);
        float[] rows = new float[2 * layout.width()];
        layout.fill(x, mask, 0.4f, 2, rows);
        float[] expected = new float[4];
        mlp.forward(rows, 2, expected);
        assertArrayEquals(expected, got);
        assertThrows(IllegalArgumentException.class, () -> Checkpoint.of(mlp, TimeEmbedding.LINEAR, new CondOt(), Prediction.X1, Map.of()),
                "the layer sizes do not fit a linear time input");
    }

    @Test
    void roundTripKeepsEveryTensorAndAllMetadata() {
        Mlp mlp = seedNetwork();
        Map<String, String> extra = new LinkedHashMap<>();
        extra.put(Checkpoint.KEY_STEP, "750");
        extra.put(Checkpoint.KEY_TRAINING, "{\"dataset\":\"moons\",\"lr\":0.01}");
        Checkpoint written = Checkpoint.of(mlp, new CondOt(), Prediction.VELOCITY, extra);
        byte[] bytes = written.toBytes();
        Checkpoint read = Checkpoint.fromBytes(bytes);

        assertEquals(written.metadata(), read.metadata());
        assertEquals("1", read.metadata().get(Checkpoint.KEY_VERSION));
        assertEquals("{\"dim\":2,\"hidden\":[64,64,64],\"activation\":\"elu\",\"time\":\"linear\"}", read.metadata().get(Checkpoint.KEY_MODEL));
        assertEquals("{\"scheduler\":\"condot\"}", read.metadata().get(Checkpoint.KEY_PATH));
        assertEquals("velocity", read.metadata().get(Checkpoint.KEY_PREDICTION));
        assertEquals(750, read.step());
        assertArrayEquals(SIZES, read.mlp().sizes());
        for (int k = 0; k < mlp.layers(); k++) {
            assertArrayEquals(mlp.weights()[k], read.mlp().weights()[k]);
            assertArrayEquals(mlp.biases()[k], read.mlp().biases()[k]);
        }
        // Writing what was read gives the same bytes: the format has one canonical form.
        assertArrayEquals(bytes, read.toBytes());
    }

    @Test
    void carriesTheSchedulerWithItsParametersAndThePrediction() {
        Mlp mlp = seedNetwork();
        Checkpoint read = Checkpoint.fromBytes(Checkpoint.of(mlp, new Vp(0.5, 12), Prediction.X0, Map.of()).toBytes());
        assertEquals("{\"scheduler\":\"vp\",\"beta_min\":0.5,\"beta_max\":12}", read.metadata().get(Checkpoint.KEY_PATH));
        assertEquals("x0", read.metadata().get(Checkpoint.KEY_PREDICTION));
        assertEquals(new Vp(0.5, 12), read.scheduler());
        assertEquals(Prediction.X0, read.prediction());
        // The field to sample is the network's x0 prediction turned into a velocity on that path.
        float[] x = {0.3f, -0.7f, 1.2f, 0.4f};
        float[] expected = new float[4];
        float[] actual = new float[4];
        new PredictionField(mlp, Prediction.X0, new AffinePath(new Vp(0.5, 12))).velocity(x, 0.4f, 2, expected);
        read.velocityField().velocity(x, 0.4f, 2, actual);
        assertArrayEquals(expected, actual);
    }

    @Test
    void recordsAMaskConditionedInpaintingNetwork() {
        Mlp mlp = Mlp.init(new int[] {5, 32, 32, 2}, Activation.SILU, new Rng(12));
        Checkpoint read = Checkpoint.fromBytes(Checkpoint.of(mlp, new CondOt(), Prediction.VELOCITY, Map.of()).toBytes());
        assertEquals("{\"dim\":2,\"hidden\":[32,32],\"activation\":\"silu\",\"time\":\"linear\",\"condition\":\"mask\"}",
                read.metadata().get(Checkpoint.KEY_MODEL));
        assertEquals(2, read.model().conditionDim());
        assertArrayEquals(new int[] {5, 32, 32, 2}, read.mlp().sizes());
        assertEquals(2, read.velocityField().conditionDim());

        byte[] unconditionedMeta = withMeta(Safetensors.read(Checkpoint.of(mlp, new CondOt(), Prediction.VELOCITY, Map.of()).toBytes()),
                Checkpoint.KEY_MODEL, "{\"dim\":2,\"hidden\":[32,32],\"activation\":\"silu\",\"time\":\"linear\"}");
        assertRejected(unconditionedMeta, "layer net.0.weight has shape [32, 5], expected [32, 3]");
        assertRejected(withMeta(Safetensors.read(Checkpoint.of(mlp, new CondOt(), Prediction.VELOCITY, Map.of()).toBytes()),
                Checkpoint.KEY_MODEL, "{\"dim\":2,\"hidden\":[32,32],\"activation\":\"silu\",\"condition\":\"label\"}"),
                "condition 'label' is not supported: none, mask, classes(k) or mask+classes(k)");
        assertThrows(IllegalArgumentException.class,
                () -> Checkpoint.of(Mlp.init(new int[] {4, 8, 2}, Activation.ELU, new Rng(1)), new CondOt(), Prediction.VELOCITY, Map.of()));
    }

    /** A class-conditional inpainting network: concat(x, mask, onehot(label), τ(t)) = 2 + 2 + 3 + 1 inputs. */
    @Test
    void recordsAClassConditionalNetworksCondition() {
        Condition condition = new Condition(true, 3);
        Mlp mlp = Mlp.init(new int[] {8, 16, 2}, Activation.ELU, new Rng(13));
        Checkpoint read = Checkpoint.fromBytes(Checkpoint.of(mlp, TimeEmbedding.LINEAR, condition, new CondOt(), Prediction.VELOCITY,
                Map.of()).toBytes());
        assertEquals(condition, read.model().condition());
        assertTrue(read.metadata().get(Checkpoint.KEY_MODEL).contains("\"condition\":\"mask+classes(3)\""));
        assertEquals(5, read.model().conditionDim());
        assertEquals(5, read.velocityField().conditionDim());
        IllegalArgumentException wrong = assertThrows(IllegalArgumentException.class,
                () -> Checkpoint.of(mlp, TimeEmbedding.LINEAR, Condition.classes(10), new CondOt(), Prediction.VELOCITY, Map.of()));
        assertTrue(wrong.getMessage().contains("10 condition inputs (classes(10))"), wrong.getMessage());
    }

    @Test
    void fileIsStandardSafetensorsWithPyTorchLayout() {
        byte[] bytes = Checkpoint.of(seedNetwork(), new CondOt(), Prediction.VELOCITY, Map.of()).toBytes();
        long headerLength = 0;
        for (int i = 7; i >= 0; i--) {
            headerLength = headerLength << 8 | (bytes[i] & 0xff);
        }
        assertEquals(0, headerLength % 8, "data aligned to 8 bytes");
        Map<String, Object> header = Json.parseObject(new String(bytes, 8, (int) headerLength, StandardCharsets.UTF_8).trim());
        Map<?, ?> first = (Map<?, ?>) header.get("net.0.weight");
        assertEquals("F32", first.get("dtype"));
        assertEquals(List.of(64.0, 3.0), first.get("shape"));
        assertEquals(List.of(0.0, 64.0 * 3 * 4), first.get("data_offsets"));
        long total = 0;
        for (int k = 0; k < SIZES.length - 1; k++) {
            total += 4L * (SIZES[k] * SIZES[k + 1] + SIZES[k + 1]);
        }
        assertEquals(8 + headerLength + total, bytes.length);
    }

    @Test
    void readsAPyTorchSequentialStateDict() {
        // nn.Sequential(Linear, ELU, Linear, ELU, Linear, ELU, Linear) under a "model." prefix, saved in a shuffled order.
        Mlp mlp = seedNetwork();
        List<Tensor> tensors = new ArrayList<>();
        int[] moduleIndex = {0, 2, 4, 6};
        for (int k = mlp.layers() - 1; k >= 0; k--) {
            tensors.add(new Tensor("model." + moduleIndex[k] + ".bias", new int[] {SIZES[k + 1]}, mlp.biases()[k]));
            tensors.add(new Tensor("model." + moduleIndex[k] + ".weight", new int[] {SIZES[k + 1], SIZES[k]}, mlp.weights()[k]));
        }
        Map<String, String> meta = Map.of(Checkpoint.KEY_MODEL, "{\"dim\":2,\"hidden\":[64,64,64],\"activation\":\"elu\",\"time\":\"linear\"}");
        Checkpoint read = Checkpoint.fromBytes(Safetensors.write(tensors, meta));
        float[] x = {0.1f, -0.2f, 0.3f, 1f, 2f, 0.9f};
        float[] expected = new float[4];
        float[] actual = new float[4];
        mlp.forward(x, 2, expected);
        read.mlp().forward(x, 2, actual);
        assertArrayEquals(expected, actual);
        assertEquals(-1, read.step());
    }

    @Test
    void readsHalfAndBfloatAndDoublePrecision() {
        assertEquals(1.0f, Safetensors.halfToFloat(0x3c00));
        assertEquals(-2.0f, Safetensors.halfToFloat(0xc000));
        assertEquals(0x1.0p-24f, Safetensors.halfToFloat(0x0001));
        assertEquals(Float.POSITIVE_INFINITY, Safetensors.halfToFloat(0x7c00));
        // A BF16 tensor [1.0, -0.5] and an F64 scalar 0.25, hand-assembled.
        String header = "{\"a\":{\"dtype\":\"BF16\",\"shape\":[2],\"data_offsets\":[0,4]},\"b\":{\"dtype\":\"F64\",\"shape\":[],\"data_offsets\":[4,12]}}";
        byte[] data = {(byte) 0x80, 0x3f, 0x00, (byte) 0xbf, 0, 0, 0, 0, 0, 0, (byte) 0xd0, 0x3f};
        SafetensorsFile file = Safetensors.read(assemble(header, data));
        assertArrayEquals(new float[] {1.0f, -0.5f}, file.tensor("a").data());
        assertArrayEquals(new float[] {0.25f}, file.tensor("b").data());
    }

    @Test
    void rejectsMalformedFilesSayingWhatIsWrong() {
        assertRejected(new byte[3], "shorter than the 8-byte header length");
        assertRejected(assemble("{\"a\":1", new byte[0]), "bad safetensors header");
        byte[] hugeHeader = new byte[16];
        hugeHeader[0] = (byte) 0xff;
        hugeHeader[1] = (byte) 0xff;
        assertRejected(hugeHeader, "header length 65535 does not fit");
        assertRejected(assemble("{\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]}}", new byte[4]), "out of range");
        assertRejected(assemble("{\"a\":{\"dtype\":\"F32\",\"shape\":[3],\"data_offsets\":[0,8]}}", new byte[8]), "8 bytes for shape of 3");
        assertRejected(assemble("{\"a\":{\"dtype\":\"I8\",\"shape\":[1],\"data_offsets\":[0,1]}}", new byte[1]), "dtype I8 is not supported");
        assertRejected(assemble("{\"__metadata__\":{\"x\":1}}", new byte[0]), "is not a string");
    }

    @Test
    void rejectsCheckpointsWhoseModelDoesNotFit() {
        Mlp mlp = seedNetwork();
        byte[] good = Checkpoint.of(mlp, new CondOt(), Prediction.VELOCITY, Map.of()).toBytes();
        SafetensorsFile file = Safetensors.read(good);

        assertRejected(withMeta(file, Checkpoint.KEY_MODEL, "{\"dim\":2,\"hidden\":[64,64,64],\"activation\":\"swish\",\"time\":\"linear\"}"),
                "unknown activation 'swish'");
        assertRejected(withMeta(file, Checkpoint.KEY_MODEL, "{\"dim\":2,\"hidden\":[64,32,64],\"activation\":\"elu\",\"time\":\"linear\"}"),
                "layer net.1.weight has shape [64, 64], expected [32, 64]");
        assertRejected(withMeta(file, Checkpoint.KEY_MODEL, "{\"dim\":2,\"hidden\":[64,64],\"activation\":\"elu\",\"time\":\"linear\"}"),
                "describes 3 linear layers but the file has 4");
        assertRejected(withMeta(file, Checkpoint.KEY_PATH, "{\"scheduler\":\"ddim\"}"), "flowplay.path: unknown scheduler 'ddim'");
        assertRejected(withMeta(file, Checkpoint.KEY_PATH, "{\"scheduler\":\"vp\",\"beta\":3}"), "flowplay.path: scheduler 'vp' has no parameter 'beta'");
        assertRejected(withMeta(file, Checkpoint.KEY_PREDICTION, "epsilon"), "flowplay.prediction: unknown prediction 'epsilon'");
        assertRejected(withMeta(file, Checkpoint.KEY_VERSION, "2"), "flowplay.version '2' is not supported");
        Map<String, String> noModel = new LinkedHashMap<>(file.metadata());
        noModel.remove(Checkpoint.KEY_MODEL);
        assertRejected(Safetensors.write(file.tensors(), noModel), "missing metadata flowplay.model");

        List<Tensor> noBias = new ArrayList<>(file.tensors());
        noBias.removeIf(t -> t.name().equals("net.2.bias"));
        assertRejected(Safetensors.write(noBias, file.metadata()), "layer net.2 needs both a weight and a bias");
        List<Tensor> stray = new ArrayList<>(file.tensors());
        stray.add(new Tensor("ema.decay", new int[] {1}, new float[1]));
        assertRejected(Safetensors.write(stray, file.metadata()), "unexpected tensor 'ema.decay'");
    }

    private static byte[] withMeta(SafetensorsFile file, String key, String value) {
        Map<String, String> meta = new LinkedHashMap<>(file.metadata());
        meta.put(key, value);
        return Safetensors.write(file.tensors(), meta);
    }

    private static void assertRejected(byte[] bytes, String expectedFragment) {
        CheckpointFormatException e = assertThrows(CheckpointFormatException.class, () -> Checkpoint.fromBytes(bytes));
        assertTrue(e.getMessage().contains(expectedFragment), "'" + e.getMessage() + "' should mention '" + expectedFragment + "'");
    }

    private static byte[] assemble(String header, byte[] data) {
        byte[] h = header.getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[8 + h.length + data.length];
        for (int i = 0; i < 8; i++) {
            out[i] = (byte) ((long) h.length >>> (8 * i));
        }
        System.arraycopy(h, 0, out, 8, h.length);
        System.arraycopy(data, 0, out, 8 + h.length, data.length);
        return out;
    }
}
