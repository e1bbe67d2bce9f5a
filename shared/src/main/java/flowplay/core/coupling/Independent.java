package flowplay.core.coupling;

import flowplay.core.rng.Rng;

/** π = p(x0)p(x1): the pairs as drawn. The baseline the other couplings are measured against. */
public final class Independent implements Coupling {
    @Override
    public String name() {
        return "independent";
    }

    @Override
    public float[] pair(float[] x0, float[] x1, int n, int dim, Rng rng) {
        return null;
    }
}
