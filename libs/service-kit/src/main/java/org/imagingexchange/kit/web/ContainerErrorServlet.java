package org.imagingexchange.kit.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.imagingexchange.kit.problem.RuntimeProblems;

/**
 * The error page of every WAR (declared in the kit's {@code web-fragment.xml}): whatever the servlet
 * container answers itself (a path it cannot decode or map, an exception no JAX-RS mapper saw) becomes
 * an RFC 9457 problem (OperationOutcome on {@code /fhir/}) with the container's status and a fixed
 * detail, instead of the container's HTML page with exception text and stack frames. Exceptions are
 * logged, never shown. Thread-safe.
 */
public class ContainerErrorServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(ContainerErrorServlet.class.getName());

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Object code = req.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        // Asked for directly (no error dispatch): there is nothing at this path.
        int status = code == null ? 404 : code instanceof Integer i && i >= 400 ? i : 500;
        Object error = req.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        if (error instanceof Throwable t) {
            LOG.log(status >= 500 ? Level.WARNING : Level.FINE, "container error " + status, t);
        }
        Object uri = req.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String path = uri instanceof String s ? s : req.getRequestURI();
        ServletProblemWriter.write(req, resp, RuntimeProblems.of(status), path);
    }
}
