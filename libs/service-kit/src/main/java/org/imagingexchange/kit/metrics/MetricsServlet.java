package org.imagingexchange.kit.metrics;

import io.prometheus.metrics.exporter.servlet.jakarta.PrometheusMetricsServlet;
import io.prometheus.metrics.instrumentation.jvm.JvmMetrics;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;

/**
 * {@code GET /metrics}: the Prometheus text exposition of this application's default registry (JVM
 * metrics plus the service's domain and HTTP metrics). Unauthenticated, like MP Health; deployments
 * keep it off the public ingress.
 */
@WebServlet(urlPatterns = "/metrics", loadOnStartup = 1)
public class MetricsServlet extends PrometheusMetricsServlet {

    private static final long serialVersionUID = 1L;

    @Override
    public void init() throws ServletException {
        super.init();
        JvmMetrics.builder().register();
    }
}
