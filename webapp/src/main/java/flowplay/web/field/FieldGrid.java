package flowplay.web.field;

/**
 * An m×m grid of square cells over the view box [-h, h]²: the arrows sit at its cell centres and the density is
 * evaluated there, so the density's mass is a midpoint sum (density at the centre × cell area).
 */
public final class FieldGrid {
    private final int m;
    private final double halfExtent;

    public FieldGrid(int m, double halfExtent) {
        if (m < 1 || !(halfExtent > 0)) {
            throw new IllegalArgumentException("a field grid needs m >= 1 and a positive half extent, got " + m + ", " + halfExtent);
        }
        this.m = m;
        this.halfExtent = halfExtent;
    }

    public int size() {
        return m;
    }

    public int cells() {
        return m * m;
    }

    public double halfExtent() {
        return halfExtent;
    }

    public double cellWidth() {
        return 2 * halfExtent / m;
    }

    public double cellArea() {
        return cellWidth() * cellWidth();
    }

    /** Cell centres, row-major (x, y); row 0 is the bottom row (y = −h + w/2), column 0 the left one. */
    public float[] centres() {
        float[] out = new float[2 * m * m];
        double w = cellWidth();
        for (int row = 0; row < m; row++) {
            for (int col = 0; col < m; col++) {
                int i = row * m + col;
                out[2 * i] = (float) (-halfExtent + (col + 0.5) * w);
                out[2 * i + 1] = (float) (-halfExtent + (row + 0.5) * w);
            }
        }
        return out;
    }
}
