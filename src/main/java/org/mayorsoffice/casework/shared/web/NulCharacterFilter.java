package org.mayorsoffice.casework.shared.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Drops NUL characters (U+0000) from every request parameter. Nobody types one, PostgreSQL cannot store one in a
 * {@code text} column (so a pasted or forged one would end in a server error), and some tools treat it as the end
 * of a string (so "report.pdf\0.exe" could mean two different names). Other characters are left as typed.
 */
@Component
@Order(-120)
class NulCharacterFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        chain.doFilter(new WithoutNul(request), response);
    }

    private static String clean(String value) {
        return value == null || value.indexOf('\u0000') < 0 ? value : value.replace("\u0000", "");
    }

    private static String[] clean(String[] values) {
        if (values == null) {
            return null;
        }
        String[] cleaned = new String[values.length];
        for (int i = 0; i < values.length; i++) {
            cleaned[i] = clean(values[i]);
        }
        return cleaned;
    }

    private static final class WithoutNul extends HttpServletRequestWrapper {

        WithoutNul(HttpServletRequest request) {
            super(request);
        }

        @Override
        public String getParameter(String name) {
            return clean(super.getParameter(name));
        }

        @Override
        public String[] getParameterValues(String name) {
            return clean(super.getParameterValues(name));
        }

        @Override
        public Map<String, String[]> getParameterMap() {
            Map<String, String[]> cleaned = new LinkedHashMap<>();
            super.getParameterMap().forEach((name, values) -> cleaned.put(name, clean(values)));
            return cleaned;
        }
    }
}
