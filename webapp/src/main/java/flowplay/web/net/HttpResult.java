package flowplay.web.net;

/** Status and body of a finished request; status 0 means the request never got an answer (network error). */
public record HttpResult(int status, String body) {
    public boolean ok() {
        return status >= 200 && status < 300;
    }
}
