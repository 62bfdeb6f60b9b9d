package org.mayorsoffice.casework.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.Locale;

/** Helpers for answering uploads the container refused (over {@code spring.servlet.multipart.*}). */
public final class Uploads {

    /** The most of an over-limit body read and thrown away before answering; bigger uploads get a closed connection. */
    public static final long DRAIN_LIMIT = 200L * 1024 * 1024;

    private Uploads() {}

    /** The container says a part or the request is over the limit (Spring's MaxUploadSizeExceededException test). */
    public static boolean isSizeLimit(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            String message = cause.getMessage() == null ? "" : cause.getMessage().toLowerCase(Locale.ROOT);
            if (message.contains("size") && message.contains("exceed")) {
                return true;
            }
        }
        return false;
    }

    /**
     * Reads and discards what is left of the body (up to {@link #DRAIN_LIMIT}), so the browser has
     * finished sending when the answer comes: otherwise Tomcat closes the connection mid-upload and
     * the browser shows "connection reset" instead of the answer.
     */
    public static void drain(HttpServletRequest request) {
        byte[] buffer = new byte[64 * 1024];
        long read = 0;
        try (var body = request.getInputStream()) {
            for (int n; read < DRAIN_LIMIT && (n = body.read(buffer)) != -1; ) {
                read += n;
            }
        } catch (IOException | IllegalStateException e) {
            // The client went away or the body cannot be read again: the answer is still sent.
        }
    }
}
