package flowplay.web.field;

/**
 * Paints a {@link FieldPicture} on the {@code #field-plot} canvas, in the same colours and box as the main plot:
 * {@link WebGpuFieldPainter} when the page draws with WebGPU, {@link Canvas2dFieldPainter} otherwise.
 */
interface FieldPainter {
    /** "webgpu" or "canvas2d": the canvas's {@code data-renderer}. */
    String name();

    void paint(FieldPicture picture);
}
