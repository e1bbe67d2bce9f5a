package flowplay.web.bench;

/** How an engine ends: measured, not available here (with the reason), or broken (with the error). */
public interface BenchCallback {
    void done(BenchResult result);

    void unavailable(String reason);

    void failed(String error);
}
