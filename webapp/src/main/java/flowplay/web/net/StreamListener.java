package flowplay.web.net;

/** What a run's WebSocket stream tells the page, already decoded from its text and binary frames. */
public interface StreamListener {
    void onProgress(long step, double loss, double stepsPerSecond);

    /** A state change; {@code queuePosition} is the run's place in line while queued behind others (1 = next), else 0. */
    void onState(String state, String reason, int queuePosition);

    /** One safetensors checkpoint, as sent (decoding is the receiver's choice, so it can skip stale ones). */
    void onCheckpoint(byte[] safetensors);

    /** The socket closed while the run was not finished and will not be reopened. */
    void onLost(String why);
}
