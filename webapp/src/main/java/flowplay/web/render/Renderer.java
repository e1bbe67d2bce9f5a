package flowplay.web.render;

/**
 * Draws one {@link Scene} into the {@code #plot} canvas, in the fixed {@link ViewBox}, replacing what was there.
 * Implementations: {@link WebGpuRenderer} and the {@link Canvas2dRenderer} fallback.
 */
public interface Renderer {
    /** "webgpu" or "canvas2d": shown in {@code #renderer} and its {@code data-renderer}. */
    String name();

    /** Empties the canvas to the background colour. */
    void clear();

    /** Clears, then draws the data set points, the trajectories (coloured by t) and the samples. */
    void draw(Scene scene);
}
