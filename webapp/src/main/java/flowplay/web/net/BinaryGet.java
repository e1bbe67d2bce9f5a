package flowplay.web.net;

import java.util.function.Consumer;
import org.teavm.jso.JSBody;
import org.teavm.jso.JSFunctor;
import org.teavm.jso.JSObject;
import org.teavm.jso.typedarrays.ArrayBuffer;
import org.teavm.jso.typedarrays.Int8Array;

/**
 * GET of a binary body (a checkpoint): TeaVM's typed XMLHttpRequest has no {@code responseType}, so this one line of
 * JavaScript asks for an ArrayBuffer. The consumer receives the bytes, or null on any HTTP or network failure.
 */
public final class BinaryGet {
    private BinaryGet() {
    }

    public static void fetch(String url, Consumer<byte[]> done) {
        get(url, (status, buffer) -> done.accept(status >= 200 && status < 300 && buffer != null
                ? new Int8Array(buffer).copyToJavaArray() : null));
    }

    @JSFunctor
    interface Handler extends JSObject {
        void handle(int status, ArrayBuffer buffer);
    }

    @JSBody(params = {"url", "done"}, script = "var x = new XMLHttpRequest(); x.open('GET', url); x.responseType = 'arraybuffer';"
            + "x.onloadend = function() { done(x.status, x.status >= 200 && x.status < 300 ? x.response : null); }; x.send();")
    private static native void get(String url, Handler done);
}
