package flowplay.web.strip;

/** One solve of the solver comparison: which solver, the N asked, the NFE spent, the distance reached (NaN: diverged). */
record ChartPoint(String solver, int steps, int nfe, double metric) {
}
