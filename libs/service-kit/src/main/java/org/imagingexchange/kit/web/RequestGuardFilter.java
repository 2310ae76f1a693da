package org.imagingexchange.kit.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Enumeration;
import org.imagingexchange.kit.problem.ProblemException;
import org.imagingexchange.kit.problem.RuntimeProblems;

/**
 * Refuses, before any resource runs, requests the runtime would otherwise fail on with its own error
 * page: a request URI longer than {@value RequestLimits#MAX_URI_CHARS} characters (414), a header field
 * longer than {@value RequestLimits#MAX_FIELD_CHARS} or header fields longer than
 * {@value RequestLimits#MAX_HEADER_CHARS} in all (431, RFC 6585 §5), an {@code Accept} header that is not a
 * list of media ranges (400, RFC 9110 §12.5.1). Each answer is a problem (OperationOutcome on
 * {@code /fhir/}). Larger fields than the HTTP endpoint's {@code limitFieldSize} never reach a filter.
 * Thread-safe.
 */
public class RequestGuardFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doFilter(HttpServletRequest req, HttpServletResponse resp, FilterChain chain)
            throws IOException, ServletException {
        ProblemException refusal = refusal(req);
        if (refusal != null) {
            ServletProblemWriter.write(req, resp, refusal, req.getRequestURI());
            return;
        }
        chain.doFilter(req, resp);
    }

    private static ProblemException refusal(HttpServletRequest req) {
        String query = req.getQueryString();
        int uriChars = req.getRequestURI().length() + (query == null ? 0 : query.length() + 1);
        if (uriChars > RequestLimits.MAX_URI_CHARS) {
            return RuntimeProblems.of(414);
        }
        long total = 0;
        for (Enumeration<String> names = req.getHeaderNames(); names != null && names.hasMoreElements(); ) {
            String name = names.nextElement();
            for (Enumeration<String> values = req.getHeaders(name); values.hasMoreElements(); ) {
                String value = values.nextElement();
                int field = name.length() + (value == null ? 0 : value.length());
                total += field;
                if (field > RequestLimits.MAX_FIELD_CHARS || total > RequestLimits.MAX_HEADER_CHARS) {
                    return RuntimeProblems.of(431);
                }
            }
        }
        String accept = req.getHeader("Accept");
        if (accept != null && !RequestLimits.isMediaRangeList(accept)) {
            return new ProblemException("malformed-accept", 400, "Bad Request",
                    "The Accept header is not a list of media ranges (RFC 9110 §12.5.1), e.g. application/fhir+json.");
        }
        return null;
    }
}
