package flowplay.core.data;

import flowplay.core.rng.Rng;

/**
 * The "checkerboard" toy set of FFJORD: uniform on the 8 "black" squares of a 4×4 board of side-2 squares covering
 * [−4, 4)².
 *
 * <p>Definition (in FFJORD's units, before the final ×2): x₁ ~ U[−2, 2); x₂ ~ U[0, 1) or U[−2, −1) with probability ½
 * each, then shifted up by 1 when ⌊x₁⌋ is odd; the point is 2·(x₁, x₂). A square with lower-left corner (2i − 4, 2j − 4),
 * i, j ∈ {0..3}, is black when i + j is even; every black square gets 1/8 of the points, uniformly spread. Mean 0,
 * variance of each coordinate 16/3.
 *
 * <p>Scale: the set fills [−4, 4)², larger than the page's [−3, 3]² view (the outer ring of squares is cut).
 */
public final class Checkerboard implements Dataset {
    @Override
    public String name() {
        return "checkerboard";
    }

    @Override
    public int dim() {
        return 2;
    }

    @Override
    public void sample(Rng rng, int n, float[] out) {
        for (int i = 0; i < n; i++) {
            double x1 = 4.0 * rng.nextDouble() - 2.0;
            double x2 = rng.nextDouble() - 2.0 * rng.nextInt(2);
            // ⌊x₁⌋ mod 2 with a non-negative result, as Python's % gives.
            long floor = (long) Math.floor(x1);
            x2 += Math.floorMod(floor, 2L);
            out[2 * i] = (float) (2.0 * x1);
            out[2 * i + 1] = (float) (2.0 * x2);
        }
    }
}
