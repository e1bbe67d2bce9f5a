package flowplay.web.field;

import flowplay.core.model.VelocityField;

/**
 * The velocity field u(x, t) at the centres of a {@link FieldGrid}, as line segments (x, y) → (x, y) + s·u. One scale s
 * for all arrows, so that their lengths compare: the longest arrow spans {@link #LONGEST} of a cell.
 */
public final class Arrows {
    /** The longest arrow, in cell widths: long enough to read, short enough not to cross the next arrow. */
    public static final double LONGEST = 0.9;
    /** Drawn nearly opaque: the arrows are the layer's subject, over the faint data. */
    public static final float ALPHA = 0.9f;

    private final float[] segments;
    private final int count;
    private final double maxSpeed;

    private Arrows(float[] segments, int count, double maxSpeed) {
        this.segments = segments;
        this.count = count;
        this.maxSpeed = maxSpeed;
    }

    public static Arrows of(VelocityField field, FieldGrid grid, float t) {
        float[] centres = grid.centres();
        int n = grid.cells();
        float[] v = new float[2 * n];
        field.velocity(centres, t, n, v);
        double max = 0;
        for (int i = 0; i < n; i++) {
            max = Math.max(max, Math.hypot(v[2 * i], v[2 * i + 1]));
        }
        float scale = (float) (max > 0 && Double.isFinite(max) ? LONGEST * grid.cellWidth() / max : 0);
        float[] seg = new float[4 * n];
        for (int i = 0; i < n; i++) {
            seg[4 * i] = centres[2 * i];
            seg[4 * i + 1] = centres[2 * i + 1];
            seg[4 * i + 2] = centres[2 * i] + scale * v[2 * i];
            seg[4 * i + 3] = centres[2 * i + 1] + scale * v[2 * i + 1];
        }
        return new Arrows(seg, n, max);
    }

    /** Segment i is (x0, y0, x1, y1) at offset 4i: tail at the cell centre, head along the velocity. */
    public float[] segments() {
        return segments;
    }

    public int count() {
        return count;
    }

    /** The largest |u| on the grid, shown beside the picture because the drawing normalises lengths away. */
    public double maxSpeed() {
        return maxSpeed;
    }
}
