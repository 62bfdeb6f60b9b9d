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
import org.mayorsoffice.casework.shared.web.Uploads;
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
            if (Uploads.isSizeLimit(e)) {
                Matcher upload = UPLOAD_PATH.matcher(path(request));
                upload.matches();
                String target = "/cases/" + upload.group(1) + "/attachments/new";
                FlashMap flash = new FlashMap();
                flash.put(UPLOAD_ERROR, attachments.tooLargeMessage());
                flash.setTargetRequestPath(request.getContextPath() + target);
                flashMaps.saveOutputFlashMap(flash, request, response);
                Uploads.drain(request);
                response.sendRedirect(request.getContextPath() + target);
                return;
            }
            // Any other unreadable body: the normal error handling answers.
        } catch (IOException | ServletException e) {
            // Not a readable multipart body: the normal error handling answers.
        }
        chain.doFilter(request, response);
    }

    private static String path(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }
}
