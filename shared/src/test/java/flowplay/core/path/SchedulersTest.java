package flowplay.core.path;

import flowplay.core.json.Json;
import flowplay.core.path.scheduler.CondOt;
import flowplay.core.path.scheduler.Cosine;
import flowplay.core.path.scheduler.LinearVp;
import flowplay.core.path.scheduler.Polynomial;
import flowplay.core.path.scheduler.Vp;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SchedulersTest {
    @Test
    void derivativesMatchCentralFiniteDifferences() {
        double h = 1e-6;
        for (Scheduler s : TestSchedulers.all()) {
            for (int i = 1; i < 100; i++) {
                double t = i / 100.0;
                double fdAlpha = (s.alpha(t + h) - s.alpha(t - h)) / (2 * h);
                double fdSigma = (s.sigma(t + h) - s.sigma(t - h)) / (2 * h);
                assertEquals(fdAlpha, s.alphaDot(t), 1e-6 * Math.max(1, Math.abs(fdAlpha)), TestSchedulers.label(s) + " α̇ at " + t);
                assertEquals(fdSigma, s.sigmaDot(t), 1e-6 * Math.max(1, Math.abs(fdSigma)), TestSchedulers.label(s) + " σ̇ at " + t);
                double fdSnr = (s.snr(t + h) - s.snr(t - h)) / (2 * h);
                assertEquals(fdSnr, s.snrDot(t), 1e-5 * Math.max(1, Math.abs(fdSnr)), TestSchedulers.label(s) + " snr' at " + t);
            }
        }
    }

    @Test
    void endpointsAreNoiseAndData() {
        for (Scheduler s : TestSchedulers.all()) {
            assertEquals(1.0, s.alpha(1), 1e-15, s.name());
            assertEquals(0.0, s.sigma(1), 0.0, s.name());
            if (s instanceof Vp vp) {
                // α_0 = exp(−T(0)/2) with T(0) = (β_min + β_max)/2: almost, not exactly, pure noise.
                double t0 = 0.5 * (vp.betaMin() + vp.betaMax());
                assertEquals(Math.exp(-t0 / 2), s.alpha(0), 1e-15);
                assertEquals(Math.sqrt(1 - Math.exp(-t0)), s.sigma(0), 1e-15);
            } else {
                assertEquals(0.0, s.alpha(0), 0.0, s.name());
                assertEquals(1.0, s.sigma(0), 1e-15, s.name());
            }
        }
        assertEquals(Math.exp(-20.1 / 4), new Vp().alpha(0), 1e-15);
    }

    @Test
    void closedFormsAtAPoint() {
        assertEquals(0.25, new Polynomial(2).alpha(0.5), 1e-15);
        assertEquals(1.0, new Polynomial(2).alphaDot(0.5), 1e-15);
        assertEquals(Math.sqrt(0.75), new LinearVp().sigma(0.5), 1e-15);
        assertEquals(-0.5 / Math.sqrt(0.75), new LinearVp().sigmaDot(0.5), 1e-15);
        assertEquals(Math.sqrt(0.5), new Cosine().alpha(0.5), 1e-15);
        // vp at t=1/2: T = ½·¼·19.9 + ½·0.1 = 2.5375
        assertEquals(Math.exp(-2.5375 / 2), new Vp().alpha(0.5), 1e-14);
        assertEquals(Math.sqrt(1 - Math.exp(-2.5375)), new Vp().sigma(0.5), 1e-14);
    }

    @Test
    void snrInverseUndoesSnr() {
        for (Scheduler s : TestSchedulers.all()) {
            for (int i = 1; i < 1000; i++) {
                double t = i / 1000.0;
                assertEquals(t, s.snrInverse(s.snr(t)), 1e-9, TestSchedulers.label(s) + " at " + t);
            }
            assertEquals(1.0, s.snrInverse(Double.POSITIVE_INFINITY), 0.0);
            assertEquals(0.0, s.snrInverse(0.0), 0.0);
            assertEquals(1.0, s.snrInverse(s.snr(1.0)), 0.0);
        }
    }

    @Test
    void theDefaultBisectionAgreesWithEveryClosedForm() {
        for (Scheduler s : TestSchedulers.all()) {
            Scheduler bisected = new Scheduler() {
                @Override
                public String name() {
                    return s.name();
                }

                @Override
                public double alpha(double t) {
                    return s.alpha(t);
                }

                @Override
                public double sigma(double t) {
                    return s.sigma(t);
                }

                @Override
                public double alphaDot(double t) {
                    return s.alphaDot(t);
                }

                @Override
                public double sigmaDot(double t) {
                    return s.sigmaDot(t);
                }
            };
            for (double snr : new double[] {0.01, 0.1, 0.5, 1, 2, 10, 100}) {
                assertEquals(s.snrInverse(snr), bisected.snrInverse(snr), 1e-12, TestSchedulers.label(s) + " snr " + snr);
            }
        }
    }

    @Test
    void describesAndRebuildsFromJson() {
        assertEquals("{\"scheduler\":\"vp\",\"beta_min\":0.1,\"beta_max\":20}", Schedulers.toJson(new Vp()));
        assertEquals("{\"scheduler\":\"polynomial\",\"n\":2}", Schedulers.toJson(new Polynomial(2)));
        assertEquals("{\"scheduler\":\"condot\"}", Schedulers.toJson(new CondOt()));
        for (Scheduler s : TestSchedulers.all()) {
            Scheduler back = Schedulers.fromJson(Schedulers.toJson(s));
            assertEquals(Schedulers.describe(s), Schedulers.describe(back));
            assertEquals(s.alpha(0.3), back.alpha(0.3), 0.0);
        }
        for (String name : Schedulers.names()) {
            assertEquals(name, Schedulers.byName(name).name());
        }
        assertEquals(new Polynomial(2), Schedulers.byName("polynomial"));
        assertEquals(new Vp(0.1, 20), Schedulers.byName("vp"));
        assertEquals(new Vp(0.2, 10), Schedulers.fromMap(Map.of("scheduler", "vp", "beta_min", 0.2, "beta_max", "10")));
        assertInstanceOf(Map.class, Json.parse(Schedulers.toJson(new Cosine())));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Schedulers.byName("ddpm"));
        assertTrue(e.getMessage().contains("condot, polynomial, vp, linear-vp, cosine"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Schedulers.fromMap(Map.of("scheduler", "vp", "beta", 1.0)));
        assertTrue(e.getMessage().contains("beta_min"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Polynomial(0));
        assertThrows(IllegalArgumentException.class, () -> new Vp(1, 0.5));
    }
}
