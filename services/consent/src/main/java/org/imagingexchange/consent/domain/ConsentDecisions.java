package org.imagingexchange.consent.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
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
     * Decides several requests at one instant, reading the directives of all their patients in one query.
     *
     * @param requests the questions; not null, no null elements
     * @return one decision per request, in the same order
     */
    public List<ConsentDecision> decideAll(List<ConsentRequest> requests) {
        Instant now = clock.instant();
        // One read for every patient of the batch; any issuer: the policy itself matches issuers (empty on
        // either side matches).
        Map<String, List<ConsentDirective>> byPatient = repository.findByPatients(requests.stream()
                .map(ConsentRequest::patientId).filter(id -> id != null && !id.isBlank()).distinct().toList());
        return requests.stream()
                .map(r -> policy.decide(r, r.patientId() == null ? List.of()
                        : byPatient.getOrDefault(r.patientId(), List.of()), now))
                .toList();
    }
}
