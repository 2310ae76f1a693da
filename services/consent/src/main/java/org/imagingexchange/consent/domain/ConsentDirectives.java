package org.imagingexchange.consent.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.imagingexchange.kit.context.Actor;

/**
 * Records and finds consent directives on behalf of a caller. A {@code consent-manager} acts for any
 * patient; a {@code patient} user only for the Patient ID in their own token ({@code patient_id}).
 * Thread-safe.
 */
@ApplicationScoped
public class ConsentDirectives {

    /** Realm role that may record and read consent for any patient. */
    public static final String ROLE_CONSENT_MANAGER = "consent-manager";
    /** Realm role of patients, who act only for themselves. */
    public static final String ROLE_PATIENT = "patient";

    private final Clock clock = Clock.systemUTC();

    @Inject
    ConsentDirectiveRepository repository;

    /**
     * Stores a new directive under a fresh id.
     *
     * @param directive the validated directive (id and recording facts unset); not null
     * @param actor     the caller; not null
     * @param render    renders the stored resource JSON from the stored directive (id and time set)
     * @return the stored directive
     * @throws ConsentAccessDeniedException (403) when the caller may not act for the directive's patient
     */
    public ConsentDirective record(ConsentDirective directive, Actor actor, Function<ConsentDirective, String> render) {
        requireActsFor(actor, directive.patientId());
        String by = actor.username().isEmpty() ? actor.clientId() : actor.username();
        ConsentDirective stored = directive.stored(UUID.randomUUID().toString(), by, clock.instant(), null);
        stored = stored.stored(stored.id(), by, stored.recordedAt(), render.apply(stored));
        repository.add(stored);
        return stored;
    }

    /**
     * @param id    logical id; not null
     * @param actor the caller; not null
     * @return the directive
     * @throws ConsentNotFoundException     (404) when there is none with this id
     * @throws ConsentAccessDeniedException (403) when it is another patient's and the caller is a patient
     */
    public ConsentDirective find(String id, Actor actor) {
        ConsentDirective d = repository.find(id).orElseThrow(() -> new ConsentNotFoundException(id));
        requireActsFor(actor, d.patientId());
        return d;
    }

    /**
     * @param patientId Patient ID value; not null
     * @param issuer    issuer to match exactly; null for any
     * @param actor     the caller; not null
     * @return the patient's directives, oldest first
     * @throws ConsentAccessDeniedException (403) when a patient asks for another patient
     */
    public List<ConsentDirective> search(String patientId, String issuer, Actor actor) {
        requireActsFor(actor, patientId);
        return repository.findByPatient(patientId, issuer);
    }

    private static void requireActsFor(Actor actor, String patientId) {
        if (actor.hasRole(ROLE_CONSENT_MANAGER)) {
            return;
        }
        if (actor.hasRole(ROLE_PATIENT) && actor.ownPatientId().map(patientId::equals).orElse(false)) {
            return;
        }
        throw new ConsentAccessDeniedException("The caller may act only for their own Patient ID.");
    }
}
