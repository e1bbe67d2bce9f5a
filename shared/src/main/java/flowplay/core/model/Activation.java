package flowplay.core.model;

import flowplay.core.settings.Choice;

/** The nonlinearity between hidden layers, with the PyTorch definitions so that checkpoints from either side agree. */
public enum Activation implements Choice {
    ELU("elu"),
    SILU("silu"),
    RELU("relu"),
    TANH("tanh"),
    GELU("gelu");

    private final String id;

    Activation(String id) {
        this.id = id;
    }

    @Override
    public String id() {
        return id;
    }

    public static Activation parse(String id) {
        return Choice.parse(values(), id, "activation");
    }

    public float apply(float x) {
        switch (this) {
            case ELU:
                return x > 0f ? x : (float) (Math.exp(x) - 1.0);
            case SILU:
                return (float) (x / (1.0 + Math.exp(-x)));
            case RELU:
                return x > 0f ? x : 0f;
            case TANH:
                return (float) Math.tanh(x);
            case GELU:
                return (float) (0.5 * x * (1.0 + erf(x / Math.sqrt(2.0))));
            default:
                throw new IllegalStateException(id);
        }
    }

    /** a[i] = apply(a[i]) for i in [from, to): one dispatch per block instead of one per value (the MLP's hot loop). */
    public void applyInPlace(float[] a, int from, int to) {
        switch (this) {
            case ELU:
                for (int i = from; i < to; i++) {
                    float x = a[i];
                    a[i] = x > 0f ? x : (float) (Math.exp(x) - 1.0);
                }
                return;
            case RELU:
                for (int i = from; i < to; i++) {
                    float x = a[i];
                    a[i] = x > 0f ? x : 0f;
                }
                return;
            default:
                for (int i = from; i < to; i++) {
                    a[i] = apply(a[i]);
                }
        }
    }

    /** d apply/dx at x, for the forward-mode Jacobian; ReLU takes 0 at the kink, as autograd does. */
    public float derivative(float x) {
        switch (this) {
            case ELU:
                return x > 0f ? 1f : (float) Math.exp(x);
            case SILU: {
                double sig = 1.0 / (1.0 + Math.exp(-x));
                return (float) (sig * (1.0 + x * (1.0 - sig)));
            }
            case RELU:
                return x > 0f ? 1f : 0f;
            case TANH: {
                double th = Math.tanh(x);
                return (float) (1.0 - th * th);
            }
            case GELU:
                // Φ(x) + x·φ(x): the derivative of x·Φ(x).
                return (float) (0.5 * (1.0 + erf(x / Math.sqrt(2.0))) + x * Math.exp(-0.5 * x * x) / Math.sqrt(2.0 * Math.PI));
            default:
                throw new IllegalStateException(id);
        }
    }

    /** Abramowitz–Stegun 7.1.26 (|error| < 1.5e-7, below float resolution): the JDK has no erf and PyTorch's GELU is exact. */
    static double erf(double x) {
        double sign = x < 0 ? -1.0 : 1.0;
        double ax = Math.abs(x);
        double k = 1.0 / (1.0 + 0.3275911 * ax);
        double poly = k * (0.254829592 + k * (-0.284496736 + k * (1.421413741 + k * (-1.453152027 + k * 1.061405429))));
        return sign * (1.0 - poly * Math.exp(-ax * ax));
    }
}
