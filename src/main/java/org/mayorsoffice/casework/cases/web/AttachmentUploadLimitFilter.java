package org.mayorsoffice.casework.cases.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mayorsoffice.casework.cases.internal.AttachmentService;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.support.SessionFlashMapManager;

/**
 * Sends an upload over Spring's multipart limits ({@code spring.servlet.multipart.*}) back to the
 * upload page with the GOV.UK "must be smaller than" message, instead of an error page.
 *
 * <p>Why a filter and not a {@code @ControllerAdvice} for {@code MaxUploadSizeExceededException}: on
 * Tomcat 11 the body is parsed by the first {@code getParameter} call, which Spring Security's CSRF
 * check makes long before any controller is chosen, and a body over the limit makes that call throw.
 * So this filter runs just before Spring Security (order -101; Security is -100), only for
 * {@code POST /cases/{id}/attachments}, and parses the parts itself. Within the limits it changes
 * nothing: the parts are parsed once and cached by the container. Security is not bypassed: the
 * redirect only leads to the upload page, which checks who may see the case.
 */
@Component
@Order(-101)
class AttachmentUploadLimitFilter extends OncePerRequestFilter {

    /** The flash attribute carrying the message back to the upload page. */
    static final String UPLOAD_ERROR = "uploadError";

    /** The most of an over-limit body read and thrown away before answering; bigger uploads get a closed connection. */
    static final long DRAIN_LIMIT = 200L * 1024 * 1024;

    private static final Pattern UPLOAD_PATH = Pattern.compile("/cases/(\\d{1,18})/attachments");

    private final AttachmentService attachments;
    private final SessionFlashMapManager flashMaps = new SessionFlashMapManager();

    AttachmentUploadLimitFilter(AttachmentService attachments) {
        this.attachments = attachments;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String contentType = request.getContentType();
        return !"POST".equals(request.getMethod()) || contentType == null
                || !contentType.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")
                || !UPLOAD_PATH.matcher(path(request)).matches();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            request.getParts();
        } catch (IllegalStateException e) {
            if (isSizeLimit(e)) {
                Matcher upload = UPLOAD_PATH.matcher(path(request));
                upload.matches();
                String target = "/cases/" + upload.group(1) + "/attachments/new";
                FlashMap flash = new FlashMap();
                flash.put(UPLOAD_ERROR, attachments.tooLargeMessage());
                flash.setTargetRequestPath(request.getContextPath() + target);
                flashMaps.saveOutputFlashMap(flash, request, response);
                drain(request);
                response.sendRedirect(request.getContextPath() + target);
                return;
            }
            // Any other unreadable body: the normal error handling answers.
        } catch (IOException | ServletException e) {
            // Not a readable multipart body: the normal error handling answers.
        }
        chain.doFilter(request, response);
    }

    /**
     * Reads and discards what is left of the body (up to {@link #DRAIN_LIMIT}), so the browser has
     * finished sending when the answer comes: otherwise Tomcat closes the connection mid-upload and
     * the browser shows "connection reset" instead of the redirect.
     */
    private static void drain(HttpServletRequest request) {
        byte[] buffer = new byte[64 * 1024];
        long read = 0;
        try (var body = request.getInputStream()) {
            for (int n; read < DRAIN_LIMIT && (n = body.read(buffer)) != -1; ) {
                read += n;
            }
        } catch (IOException | IllegalStateException e) {
            // The client went away or the body cannot be read again: the redirect is still sent.
        }
    }

    /** The container says a part or the request is over the limit (Spring's MaxUploadSizeExceededException test). */
    private static boolean isSizeLimit(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            String message = cause.getMessage() == null ? "" : cause.getMessage().toLowerCase(Locale.ROOT);
            if (message.contains("size") && message.contains("exceed")) {
                return true;
            }
        }
        return false;
    }

    private static String path(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }
}
