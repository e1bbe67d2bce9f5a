package flowplay.web.field;

/** What the field view draws: one layer at a time, so each picture answers one question. Ids are the page contract's. */
public enum FieldLayer {
    PATH_DATA("path-data", "p_t from the data (α_t·x1 + σ_t·x0)"),
    PATH_MODEL("path-model", "p_t from the model's ODE"),
    ARROWS("arrows", "velocity field u(x, t)"),
    X1("x1", "predicted x1 for the p_t points"),
    DENSITY("density", "density p_1 (exact likelihood)");

    private final String id;
    private final String label;

    FieldLayer(String id, String label) {
        this.id = id;
        this.label = label;
    }

    public String id() {
        return id;
    }

    public String label() {
        return label;
    }

    /** The layer with this id, or null: the URL hash may hold anything. */
    public static FieldLayer parse(String id) {
        for (FieldLayer l : values()) {
            if (l.id.equals(id)) {
                return l;
            }
        }
        return null;
    }
}
