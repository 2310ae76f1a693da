package org.imagingexchange.consent.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.imagingexchange.kit.context.Actor;

/**
 * Records and finds consent directives on behalf of a caller (see docs/authorization.md):
 * <ul>
 *   <li>a {@code consent-manager} records directives for its own organisation only: the directive's
 *       custodian ({@code Consent.organization}) is the token's {@code organization_id}, a body naming
 *       another organisation is refused (403), and the directive governs only data that organisation
 *       holds. It reads and finds only directives its organisation recorded;</li>
 *   <li>a {@code patient} records, reads and finds directives about the Patient ID in their own token
 *       ({@code patient_id}) only.</li>
 * </ul>
 * A read of a directive the caller may not see answers 404 like an unknown id (no existence oracle).
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
     * @throws ConsentAccessDeniedException (403) when a patient posts for another patient, or a consent manager
     *         names another organisation as custodian or has no organisation in its token
     */
    public ConsentDirective record(ConsentDirective directive, Actor actor, Function<ConsentDirective, String> render) {
        ConsentDirective own = asRecordedBy(directive, actor);
        String by = actor.username().isEmpty() ? actor.clientId() : actor.username();
        ConsentDirective stored = own.stored(UUID.randomUUID().toString(), by, clock.instant(), null);
        stored = stored.stored(stored.id(), by, stored.recordedAt(), render.apply(stored));
        repository.add(stored);
        return stored;
    }

    /**
     * @param id    logical id; not null
     * @param actor the caller; not null
     * @return the directive
     * @throws ConsentNotFoundException (404) when there is none with this id, or the caller may not see it
     */
    public ConsentDirective find(String id, Actor actor) {
        return repository.find(id).filter(d -> visibleTo(d, actor)).orElseThrow(() -> new ConsentNotFoundException(id));
    }

    /**
     * @param patientId Patient ID value; not null
     * @param issuer    issuer to match exactly; null for any
     * @param actor     the caller; not null
     * @return the patient's directives the caller may see (a consent manager: those its organisation recorded),
     *         oldest first
     * @throws ConsentAccessDeniedException (403) when a patient asks for another patient
     */
    public List<ConsentDirective> search(String patientId, String issuer, Actor actor) {
        if (!actor.hasRole(ROLE_CONSENT_MANAGER) && !isOwnPatient(actor, patientId)) {
            throw new ConsentAccessDeniedException("The caller may act only for their own Patient ID.");
        }
        return repository.findByPatient(patientId, issuer).stream().filter(d -> visibleTo(d, actor)).toList();
    }

    /**
     * The acting rule of {@link #record}: a patient for themselves (custodian as the body names it), a
     * consent manager for its own organisation (custodian = the token's organisation).
     */
    static ConsentDirective asRecordedBy(ConsentDirective directive, Actor actor) {
        if (isOwnPatient(actor, directive.patientId())) {
            return directive;
        }
        if (!actor.hasRole(ROLE_CONSENT_MANAGER)) {
            throw new ConsentAccessDeniedException("The caller may act only for their own Patient ID.");
        }
        String org = actor.organizationId();
        if (org.isEmpty()) {
            throw new ConsentAccessDeniedException("A consent manager's token must carry its organization_id.");
        }
        String claimed = directive.custodianOrganizationId();
        if (claimed != null && !claimed.equals(org)) {
            throw new ConsentAccessDeniedException("Consent.organization names another organisation than the caller's ('"
                    + org + "'); a consent manager records consent only for its own organisation.");
        }
        return directive.forCustodian(org);
    }

    /** @return true when the caller may read the directive: the patient themselves, or its custodian's consent manager */
    static boolean visibleTo(ConsentDirective d, Actor actor) {
        if (isOwnPatient(actor, d.patientId())) {
            return true;
        }
        return actor.hasRole(ROLE_CONSENT_MANAGER) && !actor.organizationId().isEmpty()
                && actor.organizationId().equals(d.custodianOrganizationId());
    }

    private static boolean isOwnPatient(Actor actor, String patientId) {
        return actor.hasRole(ROLE_PATIENT) && actor.ownPatientId().map(patientId::equals).orElse(false);
    }
}
