package org.imagingexchange.consent.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import org.imagingexchange.consent.client.ConsentRequest;
import org.imagingexchange.consent.client.DataClass;
import org.imagingexchange.consent.client.Decision;

/**
 * One patient's consent directive (FHIR R4 Consent with a single provision) in the form the policy
 * evaluates. The criteria that are set must all match a request for the directive to apply.
 *
 * @param id              logical id of the FHIR Consent; null before it is stored
 * @param patientId       Patient ID the directive is about (Consent.patient.identifier.value); not blank
 * @param patientIdIssuer issuer of the Patient ID (identifier.system); empty when not given
 * @param provision       Consent.provision.type: PERMIT or DENY; not null
 * @param organizationId  requesting organisation the provision is limited to; null = any organisation
 * @param country         ISO 3166-1 alpha-2 country of requesters the provision is limited to; null = any
 * @param dataClass       data class the provision is limited to (Consent.provision.class); null = all
 * @param status          Consent.status; only ACTIVE directives decide
 * @param periodStart     start of Consent.provision.period (inclusive, UTC); null = open
 * @param periodEnd       end of Consent.provision.period (inclusive, UTC); null = open
 * @param recordedBy      username or client id of who recorded it
 * @param recordedAt      when it was recorded (UTC)
 * @param resourceJson    the stored FHIR R4 Consent as JSON; null before it is stored
 * @param custodianOrganizationId {@code Consent.organization} (R4: custodian of the consent): the
 *                        organisation whose consent manager recorded the directive; the directive then
 *                        governs only data that organisation holds (custodian, eHN A.1.8.6 / B.1.3).
 *                        Null = recorded by the patient without naming an organisation: governs all data
 * @param purposes        HL7 v3 PurposeOfUse codes the provision is limited to ({@code Consent.provision.purpose},
 *                        IHE PCF basic consent); empty = any purpose. A directive for {@code TREAT} also applies to
 *                        {@code ETREAT} (emergency treatment is treatment)
 */
public record ConsentDirective(String id, String patientId, String patientIdIssuer, Decision provision,
                               String organizationId, String country, DataClass dataClass, ConsentStatus status,
                               Instant periodStart, Instant periodEnd, String recordedBy, Instant recordedAt,
                               String resourceJson, String custodianOrganizationId, Set<String> purposes) {

    /** Compact constructor: requires patient, provision and status; a null issuer becomes empty, null purposes none. */
    public ConsentDirective {
        Objects.requireNonNull(patientId, "patientId");
        Objects.requireNonNull(provision, "provision");
        Objects.requireNonNull(status, "status");
        patientIdIssuer = patientIdIssuer == null ? "" : patientIdIssuer;
        purposes = purposes == null ? Set.of() : Set.copyOf(purposes);
    }

    /** A directive for any purpose. */
    public ConsentDirective(String id, String patientId, String patientIdIssuer, Decision provision,
                            String organizationId, String country, DataClass dataClass, ConsentStatus status,
                            Instant periodStart, Instant periodEnd, String recordedBy, Instant recordedAt,
                            String resourceJson, String custodianOrganizationId) {
        this(id, patientId, patientIdIssuer, provision, organizationId, country, dataClass, status, periodStart,
                periodEnd, recordedBy, recordedAt, resourceJson, custodianOrganizationId, Set.of());
    }

    /**
     * @param purposeOfUse the request's HL7 v3 PurposeOfUse code; may be null or empty
     * @return true when the directive is for any purpose, names that purpose, or names {@code TREAT} and the
     *         request is for {@code ETREAT}
     */
    public boolean coversPurpose(String purposeOfUse) {
        if (purposes.isEmpty()) {
            return true;
        }
        if (purposeOfUse == null || purposeOfUse.isEmpty()) {
            return false;
        }
        return purposes.contains(purposeOfUse)
                || ConsentRequest.PURPOSE_EMERGENCY_TREATMENT.equals(purposeOfUse)
                && purposes.contains(ConsentRequest.PURPOSE_TREATMENT);
    }

    /**
     * @param now the instant of the decision
     * @return true when the directive is active and {@code now} lies in its period (bounds inclusive)
     */
    public boolean inForceAt(Instant now) {
        return status == ConsentStatus.ACTIVE
                && (periodStart == null || !now.isBefore(periodStart))
                && (periodEnd == null || !now.isAfter(periodEnd));
    }

    /** A directive about every custodian's data (no {@code Consent.organization}). */
    public ConsentDirective(String id, String patientId, String patientIdIssuer, Decision provision,
                            String organizationId, String country, DataClass dataClass, ConsentStatus status,
                            Instant periodStart, Instant periodEnd, String recordedBy, Instant recordedAt,
                            String resourceJson) {
        this(id, patientId, patientIdIssuer, provision, organizationId, country, dataClass, status, periodStart,
                periodEnd, recordedBy, recordedAt, resourceJson, null);
    }

    /**
     * @param custodian the organisation the directive's data is held by; null for all
     * @return a copy governing only that custodian's data
     */
    public ConsentDirective forCustodian(String custodian) {
        return new ConsentDirective(id, patientId, patientIdIssuer, provision, organizationId, country, dataClass,
                status, periodStart, periodEnd, recordedBy, recordedAt, resourceJson, custodian, purposes);
    }

    /** @return a copy with the stored id, recording facts and resource JSON set */
    public ConsentDirective stored(String newId, String by, Instant at, String json) {
        return new ConsentDirective(newId, patientId, patientIdIssuer, provision, organizationId, country, dataClass,
                status, periodStart, periodEnd, by, at, json, custodianOrganizationId, purposes);
    }
}
