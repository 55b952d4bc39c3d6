package io.migrationinsights.support;

import io.restassured.RestAssured;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * HTTP written by hand on a socket, for clients no library imitates: one that
 * announces a body and then stops sending, or goes away halfway.
 */
public final class RawHttp implements AutoCloseable {

    private final Socket socket;

    private RawHttp(Socket socket) {
        this.socket = socket;
    }

    /** Sends the head of a POST announcing {@code contentLength} bytes, then the first {@code part} of them. */
    public static RawHttp startPost(String role, String path, String contentType, long contentLength, byte[] part) {
        Api.as(role); // makes sure the user exists
        String auth = Base64.getEncoder().encodeToString(("test-" + role + ":" + Api.PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
        try {
            Socket socket = new Socket("localhost", RestAssured.port);
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + path + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Basic " + auth
                    + "\r\nContent-Type: " + contentType + "\r\nContent-Length: " + contentLength + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(part);
            out.flush();
            return new RawHttp(socket);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * What the server answered (status line onwards, "" for nothing) before it closed the connection;
     * fails when it did neither within {@code seconds}.
     */
    public String answer(int seconds) {
        try {
            socket.setSoTimeout(seconds * 1000);
            InputStream in = socket.getInputStream();
            StringBuilder text = new StringBuilder();
            byte[] buffer = new byte[8192];
            try {
                for (int n; (n = in.read(buffer)) >= 0; ) {
                    text.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
                    if (text.indexOf("\r\n\r\n") >= 0 && text.indexOf("}") >= 0) {
                        break;
                    }
                }
            } catch (SocketTimeoutException e) {
                throw new AssertionError("the server neither answered nor closed within " + seconds + " s: " + text);
            }
            return text.toString();
        } catch (IOException e) {
            return "";
        }
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // already gone
        }
    }
}
