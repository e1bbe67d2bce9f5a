package flowplay.core.sampling;

import flowplay.core.model.PredictionField;
import flowplay.core.path.Scheduler;
import flowplay.core.path.Schedulers;
import flowplay.core.settings.SettingException;
import flowplay.core.settings.SettingValues;
import flowplay.core.solver.Integrator;
import flowplay.core.solver.SolverParams;
import flowplay.core.solver.Solvers;

/**
 * The validated sample settings, typed: which solver with which parameters (dopri5's tolerances, em's noise g), the
 * steps, the source noise, and an optional post-training schedule change.
 *
 * @param schedule the scheduler to sample on instead of the trained one, or null
 */
public record SampleConfig(String solver, int steps, int samples, long noiseSeed, double rtol, double atol, double noise,
                           Scheduler schedule) {
    /** The {@code sampleSchedule} value that keeps the checkpoint's own scheduler. */
    public static final String TRAINED = "trained";
    /** em's random stream is derived from the noise seed, not the same stream as x0. */
    private static final long EM_STREAM = 0x6a09e667f3bcc909L;

    /**
     * Checks what one row alone cannot: em with g &gt; 0 needs the score of the field, which a schedule change does
     * not give. Throws {@link SettingException} naming {@code sampleSchedule}.
     */
    public static SampleConfig from(SettingValues v) {
        String solver = v.getString("solver");
        double noise = "em".equals(solver) ? v.getDouble("sampleNoise") : 0;
        String scheduleName = v.getString("sampleSchedule");
        Scheduler schedule = TRAINED.equals(scheduleName) ? null : Schedulers.byName(scheduleName);
        if (noise > 0 && schedule != null) {
            throw new SettingException("sampleSchedule", "the stochastic sampler with noise " + v.getString("sampleNoise")
                    + " needs the score of the field, which the schedule change to '" + scheduleName + "' does not give",
                    TRAINED + " when solver is em with sampleNoise > 0");
        }
        return new SampleConfig(solver, v.getInt("sampleSteps"), v.getInt("samples"), v.getLong("noiseSeed"),
                v.getDouble("rtol"), v.getDouble("atol"), noise, schedule);
    }

    /** The same settings with another solver (the solver comparison runs each on the strip's settings). */
    public SampleConfig withSolver(String other) {
        return new SampleConfig(other, steps, samples, noiseSeed, rtol, atol, "em".equals(other) ? noise : 0, schedule);
    }

    public boolean stochastic() {
        return noise > 0;
    }

    /** A fresh integrator: em's random stream starts again, so the same settings give the same samples. */
    public Integrator integrator() {
        return Solvers.byName(solver, SolverParams.defaults().withTolerances(rtol, atol).withNoise(noise, noiseSeed ^ EM_STREAM));
    }

    public SamplingPlan plan(PredictionField field, double eps) {
        return SamplingPlan.of(field, schedule, stochastic(), eps);
    }

    /**
     * Names what changes the result of a solve (not the steps or point count): solver and its parameters, schedule.
     * Two solves with the same key, model, N and noise give the same points.
     */
    public String solveKey() {
        return solver + ':' + rtol + ':' + atol + ':' + noise + ':' + (schedule == null ? TRAINED : Schedulers.toJson(schedule));
    }
}
