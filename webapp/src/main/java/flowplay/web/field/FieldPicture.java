package flowplay.web.field;

/** One frame of the field view, ready to paint: everything is in data coordinates, row-major (x, y). */
public final class FieldPicture {
    public FieldLayer layer;
    /** The time asked for, and the time drawn: they differ where the layer's quantity is singular (see {@link #clamped}). */
    public double t;
    public double tUsed;
    public boolean clamped;
    /** Faint context points (the data set, or the x_t the x1 cloud is predicted from). */
    public float[] faint = new float[0];
    public int faintCount;
    /** The layer's points, coloured by {@link #pointTime}. */
    public float[] points = new float[0];
    public int pointCount;
    public double pointTime;
    public Arrows arrows;
    public DensityMap density;
    public double halfExtent;
}
