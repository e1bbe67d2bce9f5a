package flowplay.web.render;

/**
 * WGSL for {@link GpuPlot}. Points are instanced quads (WebGPU's point-list is always one pixel wide) cut to a disc in
 * the fragment shader; trajectories, arrows and the grid are a line-list. Both take (x, y) in data units plus an RGBA
 * colour per vertex/instance (points also a diameter in pixels) and share one per-canvas uniform holding the
 * data-to-clip scale and the size of a pixel in clip units. The heatmap is one quad over its box, sampling a small
 * image with linear filtering so that the cells blend into a continuous map, as Canvas2D's smoothed drawImage does.
 * Colours leave the shaders premultiplied, matching the blend state.
 */
final class Shaders {
    static final String CODE = """
            struct View {
              scale : vec2f,
              pixel : vec2f,
            };
            @group(0) @binding(0) var<uniform> view : View;

            struct PointOut {
              @builtin(position) position : vec4f,
              @location(0) color : vec4f,
              @location(1) local : vec2f,
            };

            @vertex
            fn pointVertex(@builtin(vertex_index) vi : u32,
                           @location(0) center : vec2f,
                           @location(1) size : f32,
                           @location(2) color : vec4f) -> PointOut {
              var corners = array<vec2f, 6>(
                vec2f(-1.0, -1.0), vec2f(1.0, -1.0), vec2f(-1.0, 1.0),
                vec2f(-1.0, 1.0), vec2f(1.0, -1.0), vec2f(1.0, 1.0));
              let c = corners[vi];
              var out : PointOut;
              out.position = vec4f(center * view.scale + c * (0.5 * size) * view.pixel, 0.0, 1.0);
              out.color = color;
              out.local = c;
              return out;
            }

            @fragment
            fn pointFragment(in : PointOut) -> @location(0) vec4f {
              let d = dot(in.local, in.local);
              if (d > 1.0) {
                discard;
              }
              let a = in.color.a * clamp((1.0 - d) * 3.0, 0.0, 1.0);
              return vec4f(in.color.rgb * a, a);
            }

            struct LineOut {
              @builtin(position) position : vec4f,
              @location(0) color : vec4f,
            };

            @vertex
            fn lineVertex(@location(0) p : vec2f, @location(1) color : vec4f) -> LineOut {
              var out : LineOut;
              out.position = vec4f(p * view.scale, 0.0, 1.0);
              out.color = color;
              return out;
            }

            @fragment
            fn lineFragment(in : LineOut) -> @location(0) vec4f {
              return vec4f(in.color.rgb * in.color.a, in.color.a);
            }

            @group(1) @binding(0) var heatSampler : sampler;
            @group(1) @binding(1) var heatImage : texture_2d<f32>;
            // x: the half extent of the square the image covers, in data units.
            @group(1) @binding(2) var<uniform> heatBox : vec4f;

            struct HeatOut {
              @builtin(position) position : vec4f,
              @location(0) uv : vec2f,
            };

            @vertex
            fn heatVertex(@builtin(vertex_index) vi : u32) -> HeatOut {
              var corners = array<vec2f, 6>(
                vec2f(-1.0, -1.0), vec2f(1.0, -1.0), vec2f(-1.0, 1.0),
                vec2f(-1.0, 1.0), vec2f(1.0, -1.0), vec2f(1.0, 1.0));
              let c = corners[vi];
              var out : HeatOut;
              out.position = vec4f(c * heatBox.x * view.scale, 0.0, 1.0);
              // Image row 0 is the top of the box.
              out.uv = vec2f(0.5 + 0.5 * c.x, 0.5 - 0.5 * c.y);
              return out;
            }

            @fragment
            fn heatFragment(in : HeatOut) -> @location(0) vec4f {
              let c = textureSample(heatImage, heatSampler, in.uv);
              return vec4f(c.rgb * c.a, c.a);
            }
            """;

    private Shaders() {
    }
}
