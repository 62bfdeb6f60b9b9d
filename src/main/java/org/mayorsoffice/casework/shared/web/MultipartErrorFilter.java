package org.mayorsoffice.casework.shared.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.util.Collection;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers an upload the container cannot read with the service's own error page instead of a container error:
 * a body over {@code spring.servlet.multipart.*} gets 413 ("The file is too big", templates/error/413.html), a
 * malformed multipart body gets 400.
 *
 * <p>Tomcat parses a multipart body once, at the first {@code getParameter} or {@code getParts} call (Spring
 * Security's CSRF check makes one before any controller), and repeats the failure on every later call, including
 * during the error page's own dispatch, which then falls back to the container's page. So this filter, placed in
 * the security filter chain just before the CSRF check (after the security headers are set up), parses the body
 * first and, when that fails, renders the error page itself through a plain GET view of the request that carries
 * no body. Case attachments keep their own handling (back to the upload form with the message) in the cases
 * module, whose filter runs before the security chain.
 */
public class MultipartErrorFilter extends OncePerRequestFilter {

    /** Uploads whose size refusal the cases module answers itself. */
    private static final Pattern OWN_SIZE_HANDLING = Pattern.compile("/cases/\\d{1,18}/attachments");

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String contentType = request.getContentType();
        return !"POST".equals(request.getMethod()) || contentType == null
                || !contentType.toLowerCase(Locale.ROOT).startsWith("multipart/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            request.getParts();
        } catch (IllegalStateException | IOException | ServletException e) {
            boolean tooBig = Uploads.isSizeLimit(e);
            String path = request.getRequestURI().substring(request.getContextPath().length());
            if (tooBig && OWN_SIZE_HANDLING.matcher(path).matches()) {
                chain.doFilter(request, response);
                return;
            }
            if (tooBig) {
                Uploads.drain(request);
            }
            int status = tooBig ? HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE : HttpServletResponse.SC_BAD_REQUEST;
            HttpServletRequest bodiless = new BodilessGet(request);
            bodiless.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, status);
            bodiless.setAttribute(RequestDispatcher.ERROR_REQUEST_URI, request.getRequestURI());
            response.setStatus(status);
            request.getRequestDispatcher("/error").forward(bodiless, response);
            return;
        }
        chain.doFilter(request, response);
    }

    /** The request as a GET without a body, so the error page neither parses it again nor asks for a CSRF token. */
    private static final class BodilessGet extends HttpServletRequestWrapper {

        BodilessGet(HttpServletRequest request) {
            super(request);
        }

        @Override
        public String getMethod() {
            return "GET";
        }

        @Override
        public String getContentType() {
            return null;
        }

        @Override
        public String getParameter(String name) {
            return null;
        }

        @Override
        public Map<String, String[]> getParameterMap() {
            return Map.of();
        }

        @Override
        public Enumeration<String> getParameterNames() {
            return Collections.emptyEnumeration();
        }

        @Override
        public String[] getParameterValues(String name) {
            return null;
        }

        @Override
        public Collection<Part> getParts() {
            return List.of();
        }

        @Override
        public Part getPart(String name) {
            return null;
        }
    }
}
