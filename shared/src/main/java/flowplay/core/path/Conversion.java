package flowplay.core.path;

import flowplay.core.prediction.Prediction;

/**
 * One prediction expressed through another at a fixed time: q_to = xCoefficient·x_t + predictionCoefficient·q_from.
 *
 * <p>Why it is always of this form: writing q_P = a_P·m1 + b_P·m0 (see {@link Prediction}) and x_t = α·m1 + σ·m0, the
 * pair (x_t, q_from) determines (m1, m0) through a 2×2 system with determinant d = α·b_from − σ·a_from, so
 * q_to = [(a_to·b_from − b_to·a_from)·x_t + (α·b_to − σ·a_to)·q_from] / d. This covers the Guide's eqs. 4.55–4.57 and the
 * score. d vanishes where the source prediction loses information (x1 at σ=0, x0 and score at α=0), and coefficients blow
 * up where σ̇ or 1/σ do; both coefficients are then inf or NaN, which {@link #isFinite} reports.
 */
public record Conversion(double xCoefficient, double predictionCoefficient) {
    private static final Conversion IDENTITY = new Conversion(0.0, 1.0);

    public static Conversion between(Scheduler s, Prediction from, Prediction to, double t) {
        if (from == to) {
            return IDENTITY;
        }
        double alpha = s.alpha(t);
        double sigma = s.sigma(t);
        double aFrom = from.x1Coefficient(s, t);
        double bFrom = from.x0Coefficient(s, t);
        double aTo = to.x1Coefficient(s, t);
        double bTo = to.x0Coefficient(s, t);
        double det = alpha * bFrom - sigma * aFrom;
        return new Conversion((aTo * bFrom - bTo * aFrom) / det, (alpha * bTo - sigma * aTo) / det);
    }

    public boolean isFinite() {
        return Double.isFinite(xCoefficient) && Double.isFinite(predictionCoefficient);
    }

    public double apply(double x, double q) {
        return xCoefficient * x + predictionCoefficient * q;
    }
}
