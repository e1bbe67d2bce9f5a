package flowplay.server.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Jetty's own refusals, for requests that never reach Javalin (an illegal character or a NUL in the path, a malformed
 * request line or header), in the same JSON shape as {@link ErrorMapping}'s instead of Jetty's HTML page.
 */
public final class JsonErrorHandler extends ErrorHandler {
    private static final HttpField JSON = new HttpField(HttpHeader.CONTENT_TYPE, "application/json");
    private static final HttpField NOSNIFF = new HttpField("X-Content-Type-Options", "nosniff");
    /** Jetty drops the connection after a request it could not read; saying so keeps clients from reusing it. */
    private static final HttpField CLOSE = new HttpField(HttpHeader.CONNECTION, "close");

    private final ObjectMapper mapper;

    public JsonErrorHandler(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** Jetty writes a body only for GET, POST and HEAD by default: a refused PUT or DELETE is owed its reason too. */
    @Override
    public boolean errorPageForMethod(String method) {
        return true;
    }

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause, Callback callback) {
        response.getHeaders().put(JSON);
        response.getHeaders().put(NOSNIFF);
        response.getHeaders().put(CLOSE);
        response.write(true, ByteBuffer.wrap(body(code, message)), callback);
    }

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        fields.put(JSON);
        fields.put(NOSNIFF);
        fields.put(CLOSE);
        return ByteBuffer.wrap(body(status, reason));
    }

    private byte[] body(int code, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        // A 4xx reason names the request's fault ("Illegal character SPACE"); a 5xx one may quote an exception, which stays in the log.
        boolean plain = message == null || message.isBlank() || code >= 500;
        body.put("error", plain ? "HTTP " + code + " " + HttpStatus.getMessage(code) : message);
        body.put("field", null);
        body.put("allowed", null);
        try {
            return mapper.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            return "{\"error\":\"bad request\"}".getBytes(StandardCharsets.UTF_8);
        }
    }
}
