package org.imagingexchange.consent.domain;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;

import java.util.List;
import java.util.Optional;

/**
 * Port: durable storage of consent directives. Implementations are transactional per call and
 * thread-safe.
 */
public interface ConsentDirectiveRepository {

    /**
     * Stores a new directive.
     *
     * @param directive the directive with id, recording facts and resource JSON set; not null
     */
    void add(ConsentDirective directive);

    /**
     * @param id logical id of the Consent; not null
     * @return the directive, empty when none has this id
     */
    Optional<ConsentDirective> find(String id);

    /**
     * @param patientId Patient ID value; not null
     * @param issuer    issuer to match exactly; null to match any issuer
     * @return the patient's directives, oldest first; empty when none
     */
    List<ConsentDirective> findByPatient(String patientId, String issuer);

    /**
     * The directives of many patients in one read (a batch of consent decisions).
     *
     * @param patientIds Patient ID values (any issuer); not null
     * @return each patient's directives, oldest first; a patient without directives has no key
     */
    default Map<String, List<ConsentDirective>> findByPatients(Collection<String> patientIds) {
        Map<String, List<ConsentDirective>> out = new HashMap<>();
        for (String id : new LinkedHashSet<>(patientIds)) {
            List<ConsentDirective> found = findByPatient(id, null);
            if (!found.isEmpty()) {
                out.put(id, found);
            }
        }
        return out;
    }

    /**
     * The directives changed after a feed position (permit feed, {@code GET /api/permits}).
     *
     * @param after last position already read (0 for the start)
     * @param limit most directives, &gt;= 1
     * @return the directives with their feed position, in position order
     */
    List<Sequenced> changedAfter(long after, int limit);

    /**
     * A directive at its position in the permit feed.
     *
     * @param sequence  feed position (grows with every change)
     * @param directive the directive
     */
    record Sequenced(long sequence, ConsentDirective directive) {
    }
}
