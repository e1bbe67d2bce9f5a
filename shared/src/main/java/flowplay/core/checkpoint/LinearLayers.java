package flowplay.core.checkpoint;

import flowplay.core.model.Mlp;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns the linear-layer tensors of a file into an {@link Mlp}. Tensors are grouped by their layer number, so numeric
 * order gives input-to-output order both for {@code net.0, net.1, …} and for nn.Sequential's {@code 0, 2, 4, …}.
 */
final class LinearLayers {
    private LinearLayers() {
    }

    static Mlp toMlp(List<Tensor> tensors, ModelSpec model) {
        String prefix = null;
        TreeMap<Integer, Tensor[]> layers = new TreeMap<>();
        for (Tensor t : tensors) {
            String name = t.name();
            int dot = name.lastIndexOf('.');
            String kind = dot < 0 ? "" : name.substring(dot + 1);
            int prev = dot <= 0 ? -1 : name.lastIndexOf('.', dot - 1);
            String number = dot <= 0 ? "" : name.substring(prev + 1, dot);
            if (!(kind.equals("weight") || kind.equals("bias")) || !isDigits(number)) {
                throw new CheckpointFormatException("unexpected tensor '" + name + "': expected [prefix.]N.weight / [prefix.]N.bias");
            }
            String p = name.substring(0, prev + 1);
            if (prefix != null && !prefix.equals(p)) {
                throw new CheckpointFormatException("tensors under two prefixes: '" + prefix + "' and '" + p + "'");
            }
            prefix = p;
            Tensor[] pair = layers.computeIfAbsent(Integer.valueOf(Integer.parseInt(number)), k -> new Tensor[2]);
            pair[kind.equals("weight") ? 0 : 1] = t;
        }
        int[] sizes = model.layerSizes();
        if (layers.size() != sizes.length - 1) {
            throw new CheckpointFormatException("flowplay.model describes " + (sizes.length - 1) + " linear layers but the file has "
                    + layers.size());
        }
        float[][] w = new float[layers.size()][];
        float[][] b = new float[layers.size()][];
        int k = 0;
        for (Map.Entry<Integer, Tensor[]> e : layers.entrySet()) {
            Tensor weight = e.getValue()[0];
            Tensor bias = e.getValue()[1];
            String where = "layer " + prefix + e.getKey();
            if (weight == null || bias == null) {
                throw new CheckpointFormatException(where + " needs both a weight and a bias");
            }
            int[] ws = weight.shape();
            if (ws.length != 2 || ws[0] != sizes[k + 1] || ws[1] != sizes[k]) {
                throw new CheckpointFormatException(where + ".weight has shape " + shape(ws) + ", expected ["
                        + sizes[k + 1] + ", " + sizes[k] + "]: shapes must chain from " + sizes[0] + " inputs (x, the mask if conditioned, t) to "
                        + model.dim() + " outputs through hidden " + shape(model.hidden()));
            }
            if (bias.shape().length != 1 || bias.shape()[0] != sizes[k + 1]) {
                throw new CheckpointFormatException(where + ".bias has shape " + shape(bias.shape()) + ", expected [" + sizes[k + 1] + "]");
            }
            w[k] = weight.data();
            b[k] = bias.data();
            k++;
        }
        return new Mlp(sizes, w, b, model.activation());
    }

    private static boolean isDigits(String s) {
        if (s.isEmpty() || s.length() > 9) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    private static String shape(int[] s) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < s.length; i++) {
            if (i > 0) {
                sb.append(", ");
            }
            sb.append(s[i]);
        }
        return sb.append(']').toString();
    }
}
