package org.imagingexchange.consent.client;

import io.prometheus.metrics.core.metrics.Counter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.inject.Inject;
import java.util.Collections;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.imagingexchange.kit.context.RequestContext;

/**
 * {@link ConsentDecisionPoint} that asks the consent service over HTTP
 * ({@code POST ${exchange.consent.url}/api/decisions} and {@code /api/decisions/batch}) with this
 * service's own token. Fails closed: any exception, non-2xx status or malformed answer becomes
 * {@link ConsentDecision#unavailable()} for every request of the call, logged with the correlation id.
 *
 * <p>Counts every decision it hands out in {@code consent_decisions_total{decision,reason}}
 * (Prometheus counter; denials are the {@code decision="DENY"} series). Configuration:
 * {@code exchange.consent.url} (default {@code http://127.0.0.1:9080/consent}). Thread-safe.
 */
@ApplicationScoped
public class RestConsentDecisionPoint implements ConsentDecisionPoint {

    private static final Logger LOG = Logger.getLogger(RestConsentDecisionPoint.class.getName());

    private static final Counter DECISIONS = Counter.builder()
            .name("consent_decisions_total")
            .help("Consent decisions received by this service, by decision and reason (fail-closed denials included)")
            .labelNames("decision", "reason")
            .register();

    @Inject
    @ConfigProperty(name = "exchange.consent.url", defaultValue = "http://127.0.0.1:9080/consent")
    String consentUrl;

    @Inject
    RequestContext requestContext;

    private final LazyRestClient<ConsentDecisionClient> client = new LazyRestClient<>(ConsentDecisionClient.class, () -> consentUrl, 10);

    @Override
    public ConsentDecision decide(ConsentRequest request) {
        ConsentDecision decision;
        try {
            decision = client().decide(request);
            if (decision == null || decision.decision() == null) {
                throw new IllegalStateException("empty decision in the consent service's answer");
            }
        } catch (RuntimeException e) {
            logFailure(e);
            decision = ConsentDecision.unavailable();
        }
        count(decision);
        return decision;
    }

    @Override
    public List<ConsentDecision> decideAll(List<ConsentRequest> requests) {
        if (requests.isEmpty()) {
            return List.of();
        }
        List<ConsentDecision> decisions;
        try {
            decisions = client().decideAll(requests);
            if (decisions == null || decisions.size() != requests.size()
                    || decisions.stream().anyMatch(d -> d == null || d.decision() == null)) {
                throw new IllegalStateException("the consent service answered " + (decisions == null ? "nothing"
                        : decisions.size() + " decisions") + " for " + requests.size() + " requests");
            }
        } catch (RuntimeException e) {
            logFailure(e);
            decisions = Collections.nCopies(requests.size(), ConsentDecision.unavailable());
        }
        decisions.forEach(RestConsentDecisionPoint::count);
        return List.copyOf(decisions);
    }

    private ConsentDecisionClient client() {
        return client.get();
    }

    private void logFailure(RuntimeException e) {
        LOG.log(Level.WARNING, "cid=" + correlationId() + " consent service at " + consentUrl
                + " gave no usable answer, denying (fail closed): " + e);
    }

    private String correlationId() {
        try {
            return requestContext.correlationId();
        } catch (ContextNotActiveException e) {
            return "none";
        }
    }

    private static void count(ConsentDecision decision) {
        DECISIONS.labelValues(decision.decision().name(), decision.reason() == null ? "" : decision.reason()).inc();
    }
}
