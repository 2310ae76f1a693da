package org.imagingexchange.consent.domain;

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
}
