package flowplay.web.strip;

import flowplay.core.model.PredictionField;

/**
 * A model a strip row integrates: its field for solving on the page's thread, and its checkpoint's bytes under a key
 * that names this very checkpoint, for the workers (a worker reads the bytes once per key).
 */
record StripModel(PredictionField field, String key, byte[] bytes) {
}
