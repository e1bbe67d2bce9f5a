package flowplay.core.checkpoint;

import flowplay.core.json.Json;
import flowplay.core.json.JsonException;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The safetensors container: an unsigned 64-bit little-endian header length, a UTF-8 JSON header naming each tensor's
 * dtype, shape and byte range, then the raw little-endian data. Written as F32; F32, F64, F16 and BF16 are read
 * (converted to float), so that files saved from PyTorch at other precisions load too.
 */
public final class Safetensors {
    /** The reference implementation's bound on the header; anything larger is not a real checkpoint. */
    private static final long MAX_HEADER = 100L * 1024 * 1024;

    private Safetensors() {
    }

    public static byte[] write(List<Tensor> tensors, Map<String, String> metadata) {
        Map<String, Object> header = new LinkedHashMap<>();
        if (!metadata.isEmpty()) {
            header.put("__metadata__", new LinkedHashMap<>(metadata));
        }
        long offset = 0;
        for (Tensor t : tensors) {
            if (t.name().equals("__metadata__") || header.containsKey(t.name())) {
                throw new IllegalArgumentException("duplicate or reserved tensor name '" + t.name() + "'");
            }
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("dtype", "F32");
            entry.put("shape", t.shape());
            long end = offset + 4L * t.data().length;
            List<Object> offsets = new ArrayList<>();
            offsets.add(Long.valueOf(offset));
            offsets.add(Long.valueOf(end));
            entry.put("data_offsets", offsets);
            header.put(t.name(), entry);
            offset = end;
        }
        byte[] json = Json.write(header).getBytes(StandardCharsets.UTF_8);
        // Pad the header with spaces to a multiple of 8 so the data starts aligned, as the reference writer does.
        int padded = (json.length + 7) / 8 * 8;
        byte[] out = new byte[8 + padded + (int) offset];
        writeLong(out, 0, padded);
        System.arraycopy(json, 0, out, 8, json.length);
        for (int i = json.length; i < padded; i++) {
            out[8 + i] = ' ';
        }
        int pos = 8 + padded;
        for (Tensor t : tensors) {
            for (float v : t.data()) {
                writeInt(out, pos, Float.floatToIntBits(v));
                pos += 4;
            }
        }
        return out;
    }

    public static SafetensorsFile read(byte[] bytes) {
        if (bytes.length < 8) {
            throw new CheckpointFormatException("not a safetensors file: " + bytes.length + " bytes, shorter than the 8-byte header length");
        }
        long headerLength = readLong(bytes, 0);
        if (headerLength < 2 || headerLength > MAX_HEADER || headerLength > bytes.length - 8L) {
            throw new CheckpointFormatException("not a safetensors file: header length " + Long.toUnsignedString(headerLength)
                    + " does not fit in a file of " + bytes.length + " bytes");
        }
        int dataStart = 8 + (int) headerLength;
        Map<String, Object> header;
        try {
            header = Json.parseObject(new String(bytes, 8, (int) headerLength, StandardCharsets.UTF_8).trim());
        } catch (JsonException e) {
            throw new CheckpointFormatException("bad safetensors header: " + e.getMessage());
        }
        Map<String, String> metadata = new LinkedHashMap<>();
        List<Tensor> tensors = new ArrayList<>();
        long dataLength = bytes.length - (long) dataStart;
        for (Map.Entry<String, Object> e : header.entrySet()) {
            if (e.getKey().equals("__metadata__")) {
                readMetadata(e.getValue(), metadata);
            } else {
                tensors.add(readTensor(e.getKey(), e.getValue(), bytes, dataStart, dataLength));
            }
        }
        return new SafetensorsFile(tensors, metadata);
    }

    private static void readMetadata(Object value, Map<String, String> metadata) {
        if (!(value instanceof Map<?, ?> map)) {
            throw new CheckpointFormatException("bad safetensors header: __metadata__ must be an object of strings");
        }
        for (Map.Entry<?, ?> m : map.entrySet()) {
            if (!(m.getValue() instanceof String s)) {
                throw new CheckpointFormatException("bad safetensors header: metadata value of '" + m.getKey() + "' is not a string");
            }
            metadata.put((String) m.getKey(), s);
        }
    }

    private static Tensor readTensor(String name, Object value, byte[] bytes, int dataStart, long dataLength) {
        if (!(value instanceof Map<?, ?> entry)) {
            throw new CheckpointFormatException("tensor '" + name + "': header entry is not an object");
        }
        String dtype = entry.get("dtype") instanceof String s ? s : null;
        int width = dtypeWidth(name, dtype);
        int[] shape = intList(name, "shape", entry.get("shape"));
        int[] offsets = intList(name, "data_offsets", entry.get("data_offsets"));
        if (offsets.length != 2) {
            throw new CheckpointFormatException("tensor '" + name + "': data_offsets must be [begin, end]");
        }
        long count = 1;
        for (int s : shape) {
            count *= s;
            if (count > Integer.MAX_VALUE) {
                throw new CheckpointFormatException("tensor '" + name + "': shape too large");
            }
        }
        long begin = offsets[0];
        long end = offsets[1];
        if (begin > end || end > dataLength) {
            throw new CheckpointFormatException("tensor '" + name + "': data_offsets [" + begin + ", " + end
                    + "] out of range of the " + dataLength + " data bytes");
        }
        if (end - begin != count * width) {
            throw new CheckpointFormatException("tensor '" + name + "': " + (end - begin) + " bytes for shape of "
                    + count + " " + dtype + " values (" + count * width + " bytes)");
        }
        float[] data = new float[(int) count];
        int pos = dataStart + (int) begin;
        for (int i = 0; i < data.length; i++, pos += width) {
            data[i] = decode(dtype, bytes, pos);
        }
        return new Tensor(name, shape, data);
    }

    private static int dtypeWidth(String name, String dtype) {
        if (dtype == null) {
            throw new CheckpointFormatException("tensor '" + name + "': missing dtype");
        }
        switch (dtype) {
            case "F32":
                return 4;
            case "F64":
                return 8;
            case "F16":
            case "BF16":
                return 2;
            default:
                throw new CheckpointFormatException("tensor '" + name + "': dtype " + dtype + " is not supported (F32, F64, F16, BF16)");
        }
    }

    private static float decode(String dtype, byte[] b, int pos) {
        switch (dtype) {
            case "F32":
                return Float.intBitsToFloat(readInt(b, pos));
            case "F64":
                return (float) Double.longBitsToDouble(readLong(b, pos));
            case "BF16":
                return Float.intBitsToFloat(readShort(b, pos) << 16);
            default:
                return halfToFloat(readShort(b, pos));
        }
    }

    /** IEEE 754 binary16 to float (Float.float16ToFloat only exists from Java 20). */
    static float halfToFloat(int h) {
        int sign = (h & 0x8000) << 16;
        int exponent = (h >>> 10) & 0x1f;
        int mantissa = h & 0x3ff;
        if (exponent == 0x1f) {
            return Float.intBitsToFloat(sign | 0x7f800000 | (mantissa << 13));
        }
        if (exponent == 0) {
            float value = mantissa * 0x1.0p-24f;
            return sign == 0 ? value : -value;
        }
        return Float.intBitsToFloat(sign | ((exponent + 112) << 23) | (mantissa << 13));
    }

    private static int[] intList(String name, String field, Object value) {
        if (!(value instanceof List<?> list)) {
            throw new CheckpointFormatException("tensor '" + name + "': " + field + " must be a list of integers");
        }
        int[] out = new int[list.size()];
        for (int i = 0; i < out.length; i++) {
            Object v = list.get(i);
            if (!(v instanceof Double d) || d < 0 || d != Math.rint(d) || d > Integer.MAX_VALUE) {
                throw new CheckpointFormatException("tensor '" + name + "': " + field + " must be a list of non-negative integers");
            }
            out[i] = (int) d.doubleValue();
        }
        return out;
    }

    private static int readShort(byte[] b, int pos) {
        return (b[pos] & 0xff) | (b[pos + 1] & 0xff) << 8;
    }

    private static int readInt(byte[] b, int pos) {
        return (b[pos] & 0xff) | (b[pos + 1] & 0xff) << 8 | (b[pos + 2] & 0xff) << 16 | (b[pos + 3] & 0xff) << 24;
    }

    private static long readLong(byte[] b, int pos) {
        return (readInt(b, pos) & 0xffffffffL) | ((long) readInt(b, pos + 4) << 32);
    }

    private static void writeInt(byte[] b, int pos, int v) {
        b[pos] = (byte) v;
        b[pos + 1] = (byte) (v >>> 8);
        b[pos + 2] = (byte) (v >>> 16);
        b[pos + 3] = (byte) (v >>> 24);
    }

    private static void writeLong(byte[] b, int pos, long v) {
        writeInt(b, pos, (int) v);
        writeInt(b, pos + 4, (int) (v >>> 32));
    }
}
