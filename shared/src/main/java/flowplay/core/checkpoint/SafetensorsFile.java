package flowplay.core.checkpoint;

import java.util.List;
import java.util.Map;

/** The content of a safetensors file: tensors in header order and the string-to-string {@code __metadata__}. */
public record SafetensorsFile(List<Tensor> tensors, Map<String, String> metadata) {
    public Tensor tensor(String name) {
        for (Tensor t : tensors) {
            if (t.name().equals(name)) {
                return t;
            }
        }
        return null;
    }
}
