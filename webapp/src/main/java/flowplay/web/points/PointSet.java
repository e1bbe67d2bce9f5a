package flowplay.web.points;

import flowplay.core.data.UserPoints;
import flowplay.web.sampling.PointsCsv;

/**
 * The user's own points being prepared for the next run: drawn on the plot or uploaded. At most
 * {@link UserPoints#MAX_POINTS}, the server's limit, so that what the page holds the server accepts.
 */
public final class PointSet {
    private float[] xy = new float[128];
    private int count;

    public int count() {
        return count;
    }

    /** Row-major (x, y) values; only the first {@link #count()} points are meaningful. Do not modify. */
    public float[] values() {
        return xy;
    }

    /** Adds a point; false (and nothing added) when the set is full. */
    public boolean add(float x, float y) {
        if (count == UserPoints.MAX_POINTS) {
            return false;
        }
        if (2 * count + 2 > xy.length) {
            float[] grown = new float[Math.min(2 * UserPoints.MAX_POINTS, 2 * xy.length)];
            System.arraycopy(xy, 0, grown, 0, 2 * count);
            xy = grown;
        }
        xy[2 * count] = x;
        xy[2 * count + 1] = y;
        count++;
        return true;
    }

    /** Replaces all points with row-major (x, y) pairs, already checked by the shared rules. */
    public void replace(float[] points) {
        xy = new float[Math.max(128, points.length)];
        System.arraycopy(points, 0, xy, 0, points.length);
        count = points.length / 2;
    }

    public void clear() {
        count = 0;
    }

    /** The points as CSV lines {@code x,y}, what the run is sent. */
    public String csv() {
        return PointsCsv.write(xy, count, 2);
    }

    /** The last point, or null when there is none. */
    public float[] last() {
        return count == 0 ? null : new float[] {xy[2 * count - 2], xy[2 * count - 1]};
    }
}
