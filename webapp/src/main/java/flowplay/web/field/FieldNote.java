package flowplay.web.field;

import flowplay.web.ui.Format;

/** The sentence under the field view: what is drawn, at which t, and whether t was pulled in from a singular end. */
final class FieldNote {
    private FieldNote() {
    }

    static String of(FieldPicture p, String model) {
        StringBuilder sb = new StringBuilder();
        sb.append(p.layer.label()).append(" of ").append(model);
        if (p.layer == FieldLayer.DENSITY) {
            if (p.density == null) {
                return sb.append(": press Compute density (one likelihood solve per grid cell).").toString();
            }
            sb.append(" at t = ").append(Format.fixed(p.tUsed, 3));
            if (!p.density.done()) {
                sb.append(": computing, ").append(Math.round(100 * p.density.progress())).append("% of the grid");
            } else {
                sb.append(", mass in the box ").append(Format.fixed(p.density.mass(), 3));
            }
        } else {
            sb.append(" at t = ").append(Format.fixed(p.tUsed, 3));
        }
        if (p.clamped) {
            sb.append(" (t = ").append(Format.fixed(p.t, 3))
                    .append(" clamped into the interval where this model's prediction gives it finitely)");
        }
        if (p.arrows != null) {
            sb.append("; ").append(p.arrows.count()).append(" arrows, the longest |u| = ")
                    .append(Format.fixed(p.arrows.maxSpeed(), 2)).append(" (lengths normalised)");
        }
        if (p.layer == FieldLayer.X1) {
            sb.append("; faint: the x_t it is predicted from");
        }
        return sb.append('.').toString();
    }
}
