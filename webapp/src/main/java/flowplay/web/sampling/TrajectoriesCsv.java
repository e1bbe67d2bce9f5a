package flowplay.web.sampling;

import flowplay.web.render.Scene;

/**
 * Trajectories as CSV in the CLI's {@code sample --trajectories} format: one line {@code point,t,x,y} per (point,
 * frame), point = 0-based index, frames in time order, no header. The page records the leading points' paths only
 * ({@link Sampling#MAX_PATHS}), so the export holds those.
 */
final class TrajectoriesCsv {
    private TrajectoriesCsv() {
    }

    static String write(Scene scene, double[] times) {
        int frames = Math.min(scene.frames, times.length);
        StringBuilder csv = new StringBuilder(scene.paths * frames * 32);
        for (int i = 0; i < scene.paths; i++) {
            for (int k = 0; k < frames; k++) {
                int at = (k * scene.stride + i) * 2;
                csv.append(i).append(',').append(times[k]).append(',').append(scene.trajectory[at]).append(',')
                        .append(scene.trajectory[at + 1]).append('\n');
            }
        }
        return csv.toString();
    }
}
