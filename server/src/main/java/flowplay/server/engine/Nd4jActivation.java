package flowplay.server.engine;

import flowplay.core.model.Activation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.transforms.strict.Erf;
import org.nd4j.linalg.api.ops.impl.transforms.strict.Sigmoid;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * The activations on preallocated ND4J arrays, with the same definitions as {@link Activation#apply} (PyTorch's:
 * exact-erf GELU, ELU with alpha 1). Everything writes into arrays the caller owns: allocating ops cost milliseconds.
 * Derivatives are written from the stored pre-activation z and activation a, in elementary in-place ops whose
 * meaning is plain, rather than ND4J's *_bp ops whose argument conventions vary between releases.
 */
final class Nd4jActivation {
    private static final double INV_SQRT2 = 1.0 / Math.sqrt(2.0);
    private static final double INV_SQRT_2PI = 1.0 / Math.sqrt(2.0 * Math.PI);

    private final Activation activation;

    Nd4jActivation(Activation activation) {
        this.activation = activation;
    }

    /** a = f(z); s is scratch of the same shape. */
    void forward(INDArray z, INDArray a, INDArray s) {
        switch (activation) {
            case ELU:
                Transforms.elu(a.assign(z), false);
                break;
            case RELU:
                Transforms.relu(a.assign(z), false);
                break;
            case TANH:
                Transforms.tanh(a.assign(z), false);
                break;
            case SILU:
                Nd4j.exec(new Sigmoid(z, s));
                a.assign(z).muli(s);
                break;
            case GELU:
                normalCdf(z, s);
                a.assign(z).muli(s);
                break;
            default:
                throw new IllegalStateException(activation.id());
        }
    }

    /** d = f'(z), given z and a = f(z); s is a second scratch array. */
    void derivative(INDArray z, INDArray a, INDArray d, INDArray s) {
        switch (activation) {
            case ELU:
                // a ≤ 0 exactly where z ≤ 0, and there f' = exp(z) = a + 1; elsewhere 1: so f' = min(a, 0) + 1.
                Transforms.min(d.assign(a), 0.0, false).addi(1.0);
                break;
            case RELU:
                // a is 0 or positive: its sign is the step function (0 at z = 0, as PyTorch).
                Transforms.sign(d.assign(a), false);
                break;
            case TANH:
                d.assign(a).muli(a).rsubi(1.0);
                break;
            case SILU:
                // f = z·σ(z), f' = σ(1 + z − zσ) = σ(1 + z − a).
                Nd4j.exec(new Sigmoid(z, d));
                s.assign(z).subi(a).addi(1.0);
                d.muli(s);
                break;
            case GELU:
                // f = z·Φ(z), f' = Φ(z) + z·φ(z).
                normalCdf(z, d);
                s.assign(z).muli(z).muli(-0.5);
                Transforms.exp(s, false).muli(z).muli(INV_SQRT_2PI);
                d.addi(s);
                break;
            default:
                throw new IllegalStateException(activation.id());
        }
    }

    /** out = Φ(z) = ½(1 + erf(z/√2)). */
    private static void normalCdf(INDArray z, INDArray out) {
        out.assign(z).muli(INV_SQRT2);
        Nd4j.exec(new Erf(out, out));
        out.addi(1.0).muli(0.5);
    }
}
