package org.imagingexchange.consent.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.imagingexchange.consent.client.ConsentDecision;
import org.imagingexchange.consent.client.ConsentRequest;

/**
 * Answers consent decision requests: loads the patient's directives and applies the region's
 * {@link ConsentPolicy}. Thread-safe.
 */
@ApplicationScoped
public class ConsentDecisions {

    private final Clock clock = Clock.systemUTC();

    @Inject
    ConsentDirectiveRepository repository;

    @Inject
    ConsentPolicy policy;

    /**
     * @param request the question; not null
     * @return the decision; never null
     */
    public ConsentDecision decide(ConsentRequest request) {
        return decideAll(List.of(request)).get(0);
    }

    /**
     * Decides several requests at one instant, reading each patient's directives once.
     *
     * @param requests the questions; not null, no null elements
     * @return one decision per request, in the same order
     */
    public List<ConsentDecision> decideAll(List<ConsentRequest> requests) {
        Instant now = clock.instant();
        Map<String, List<ConsentDirective>> byPatient = new HashMap<>();
        return requests.stream()
                .map(r -> policy.decide(r, directivesOf(r, byPatient), now))
                .toList();
    }

    private List<ConsentDirective> directivesOf(ConsentRequest r, Map<String, List<ConsentDirective>> cache) {
        if (r.patientId() == null || r.patientId().isBlank()) {
            return List.of();
        }
        // Any issuer: the policy itself matches issuers (empty on either side matches).
        return cache.computeIfAbsent(r.patientId(), id -> repository.findByPatient(id, null));
    }
}
