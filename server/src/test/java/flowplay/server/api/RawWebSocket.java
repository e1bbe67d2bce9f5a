package flowplay.server.api;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Random;

/**
 * A WebSocket client written by hand on a plain socket, to misbehave in ways a real client library will not: stop
 * reading, drop the connection without a close frame, send junk or frames the protocol forbids.
 */
final class RawWebSocket implements AutoCloseable {
    static final int TEXT = 0x1;
    static final int BINARY = 0x2;
    static final int CLOSE = 0x8;

    final Socket socket;
    private final DataInputStream in;
    private final OutputStream out;

    private RawWebSocket(Socket socket) throws IOException {
        this.socket = socket;
        this.in = new DataInputStream(socket.getInputStream());
        this.out = socket.getOutputStream();
    }

    /** Upgrades to the run's stream; a small receive buffer makes a client that stops reading stall the server soon. */
    static RawWebSocket connect(int port, String runId, int receiveBuffer) throws IOException {
        Socket s = new Socket();
        s.setReceiveBufferSize(receiveBuffer);
        s.connect(new InetSocketAddress("127.0.0.1", port), 5000);
        s.getOutputStream().write(("GET /api/runs/" + runId + "/stream HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nUpgrade: websocket\r\n"
                + "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        s.setSoTimeout(30_000);
        RawWebSocket ws = new RawWebSocket(s);
        String status = ws.headers();
        if (!status.startsWith("HTTP/1.1 101")) {
            s.close();
            throw new IOException("no upgrade: " + status);
        }
        return ws;
    }

    /** Reads the handshake answer up to its blank line, byte by byte so that no frame is consumed. */
    private String headers() throws IOException {
        StringBuilder sb = new StringBuilder();
        while (!sb.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new EOFException("closed during the handshake: " + sb);
            }
            sb.append((char) b);
        }
        return sb.toString();
    }

    /** Sends one frame; a client must mask its frames, so {@code masked = false} is itself a protocol violation. */
    void send(int firstByte, byte[] payload, boolean masked) throws IOException {
        out.write(firstByte);
        int maskBit = masked ? 0x80 : 0;
        if (payload.length < 126) {
            out.write(maskBit | payload.length);
        } else {
            out.write(maskBit | 126);
            out.write(payload.length >>> 8);
            out.write(payload.length & 0xff);
        }
        byte[] body = payload.clone();
        if (masked) {
            byte[] key = {0x12, 0x34, 0x56, 0x78};
            out.write(key);
            for (int i = 0; i < body.length; i++) {
                body[i] ^= key[i % 4];
            }
        }
        out.write(body);
        out.flush();
    }

    /** A final frame with the given opcode. */
    void send(int opcode, byte[] payload) throws IOException {
        send(0x80 | opcode, payload, true);
    }

    static byte[] junk(Random random, int length) {
        byte[] b = new byte[length];
        random.nextBytes(b);
        return b;
    }

    /**
     * Reads (and skips) the server's frames until it sends a close frame or drops the connection; returns the close
     * code (-1 for a drop without one). Throws when neither happens within the socket's read timeout.
     */
    int awaitClose() throws IOException {
        try {
            while (true) {
                int b0 = in.readUnsignedByte();
                int b1 = in.readUnsignedByte();
                long length = b1 & 0x7f;
                if (length == 126) {
                    length = in.readUnsignedShort();
                } else if (length == 127) {
                    length = in.readLong();
                }
                byte[] payload = new byte[(int) length];
                in.readFully(payload);
                if ((b0 & 0x0f) == CLOSE) {
                    return payload.length >= 2 ? ((payload[0] & 0xff) << 8) | (payload[1] & 0xff) : -1;
                }
            }
        } catch (EOFException | SocketTimeoutException e) {
            if (e instanceof SocketTimeoutException) {
                throw e;
            }
            return -1;
        } catch (SocketException e) {
            return -1; // reset by the server
        }
    }

    /** Drops the connection with a TCP reset, no close frame: a client that vanished. */
    void vanish() throws IOException {
        socket.setSoLinger(true, 0);
        socket.close();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
