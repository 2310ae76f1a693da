package org.imagingexchange.consent.api;

import io.prometheus.metrics.core.metrics.Counter;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import org.imagingexchange.consent.client.ConsentDecision;

/**
 * Counts the decisions this service answers in {@code consent_policy_decisions_total{decision,reason}}
 * (Prometheus counter), read from the response entity after the resource ran, so neither the policy
 * nor the resource carries metric calls. Callers count what they received in
 * {@code consent_decisions_total} (consent client).
 */
@Provider
public class DecisionMetricsFilter implements ContainerResponseFilter {

    private static final Counter DECISIONS = Counter.builder()
            .name("consent_policy_decisions_total")
            .help("Consent decisions answered by the consent service, by decision and reason")
            .labelNames("decision", "reason")
            .register();

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        Object entity = response.getEntity();
        if (entity instanceof ConsentDecision d) {
            count(d);
        } else if (entity instanceof List<?> list) {
            list.stream().filter(ConsentDecision.class::isInstance).map(ConsentDecision.class::cast)
                    .forEach(DecisionMetricsFilter::count);
        }
    }

    private static void count(ConsentDecision d) {
        DECISIONS.labelValues(d.decision().name(), d.reason()).inc();
    }
}
