package flowplay.web.gpu;

/**
 * The fixed-grid solvers the GPU sampler runs, and where each one evaluates the field inside a step. The times are
 * computed in float with exactly the expressions of the core solvers ({@code t + 0.5f·h}, {@code t + h}), so that the
 * conversion coefficients and time features uploaded for a stage are the ones the CPU sampler uses there.
 */
public enum GpuSolver {
    EULER("euler", 1),
    MIDPOINT("midpoint", 2),
    HEUN("heun", 2),
    RK4("rk4", 4);

    private final String id;
    private final int stages;

    GpuSolver(String id, int stages) {
        this.id = id;
        this.stages = stages;
    }

    public String id() {
        return id;
    }

    /** Field evaluations per step (the NFE per step). */
    public int stages() {
        return stages;
    }

    /** The solver of that name, or null for one the GPU does not run (dopri5, em, anything else). */
    public static GpuSolver byName(String name) {
        for (GpuSolver s : values()) {
            if (s.id.equals(name)) {
                return s;
            }
        }
        return null;
    }

    /** The time of each stage of a step from t with width h, as the core solver computes it. */
    public float[] stageTimes(float t, float h) {
        float half = 0.5f * h;
        switch (this) {
            case EULER:
                return new float[] {t};
            case MIDPOINT:
                return new float[] {t, t + half};
            case HEUN:
                return new float[] {t, t + h};
            case RK4:
                return new float[] {t, t + half, t + half, t + h};
            default:
                throw new IllegalStateException(id);
        }
    }
}
