package org.imagingexchange.consent.api;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Reference;
import org.imagingexchange.consent.client.DataClass;
import org.imagingexchange.consent.client.Decision;
import org.imagingexchange.consent.domain.ConsentDirective;
import org.imagingexchange.consent.domain.ConsentStatus;
import org.imagingexchange.consent.domain.DataClassCodes;
import org.imagingexchange.consent.domain.InvalidConsentException;
import org.imagingexchange.kit.fhir.FhirBase;
import org.imagingexchange.kit.problem.ProblemException.Issue;

/**
 * Maps a FHIR R4 {@code Consent} (privacy consent directive) to the {@link ConsentDirective} the
 * policy evaluates, and completes the resource that is stored. The representation accepted:
 * <ul>
 *   <li>{@code Consent.status} (required): a consent-state code; only {@code active} directives decide.</li>
 *   <li>{@code Consent.patient.identifier} (required): {@code value} = Patient ID, {@code system} = its
 *       issuer (optional). Literal references to Patient resources are not resolved.</li>
 *   <li>{@code Consent.provision.type} (required): {@code permit} or {@code deny}. Nested provisions are
 *       not supported.</li>
 *   <li>{@code Consent.provision.actor} (optional, at most one of each kind): {@code reference.identifier}
 *       with system {@value #ORGANIZATION_SYSTEM} limits the provision to that requesting organisation
 *       (token {@code organization_id}); with system {@value #COUNTRY_SYSTEM} (value ISO 3166-1 alpha-2)
 *       to requesters from that country. Both given: both must match. None: any requester.</li>
 *   <li>{@code Consent.provision.period} (optional): in force from start to end, both inclusive.</li>
 *   <li>{@code Consent.organization} (optional, at most one): {@code identifier} with system
 *       {@value #ORGANIZATION_SYSTEM}: the organisation whose data the directive governs (its custodian).
 *       A consent manager may name only its own organisation and gets it filled in when absent.</li>
 *   <li>{@code Consent.provision.class} (optional, at most one): system {@value DataClassCodes#SYSTEM},
 *       code {@code imaging-study} or {@code imaging-report}; absent = all imaging data.</li>
 *   <li>{@code Consent.provision.purpose} (optional, any number; IHE PCF basic consent): system
 *       {@value #PURPOSE_SYSTEM}, a code of the HL7 v3 PurposeOfUse value set ({@link #PURPOSES_OF_USE}); the
 *       provision then applies only to requests made for one of those purposes ({@code TREAT} covers
 *       {@code ETREAT}); absent = any purpose.</li>
 * </ul>
 * Missing {@code scope} and {@code category} (1..1 / 1..* in R4) are filled with {@code patient-privacy}
 * and LOINC 59284-0 "Patient Consent" on storage. Search results become a searchset Bundle whose
 * URLs are under the platform's public FHIR base. Stateless and thread-safe.
 */
public final class FhirConsentMapper {

    /** The FHIR resource type served. */
    public static final String RESOURCE_TYPE = "Consent";
    /** Identifier system of organisation ids (the {@code organization_id} claim of requesters). */
    public static final String ORGANIZATION_SYSTEM = "urn:imaging-exchange:organization-id";
    /** Identifier system of countries: ISO 3166-1 alpha-2 codes. */
    public static final String COUNTRY_SYSTEM = "urn:iso:std:iso:3166";
    /** HL7 v3 ActReason, the code system of the PurposeOfUse value set (IHE IUA {@code purpose_of_use}). */
    public static final String PURPOSE_SYSTEM = "http://terminology.hl7.org/CodeSystem/v3-ActReason";
    /** The codes of the HL7 v3 PurposeOfUse value set accepted in {@code Consent.provision.purpose}. */
    public static final java.util.Set<String> PURPOSES_OF_USE = java.util.Set.of("TREAT", "ETREAT", "CAREMGT",
            "CLINTRCH", "COC", "HPAYMT", "HOPERAT", "HRESCH", "HMARKT", "HSYSADMIN", "PATADMIN", "PATRQT",
            "PATSFTY", "PUBHLTH", "POPHLTH", "HQUALIMP", "PMKT", "HLEGAL", "FAMRQT", "PWATRNY", "SUPNWK", "TRAIN");
    /** R4 consent scope code system. */
    static final String SCOPE_SYSTEM = "http://terminology.hl7.org/CodeSystem/consentscope";
    /** LOINC, for the default category. */
    static final String LOINC = "http://loinc.org";

    private static final Pattern COUNTRY = Pattern.compile("[A-Za-z]{2}");

    private FhirConsentMapper() {
    }

    /**
     * Validates a Consent and extracts its directive (id and recording facts unset).
     *
     * @param consent the parsed resource; not null
     * @return the directive
     * @throws InvalidConsentException (422) listing every finding with its FHIRPath location
     */
    public static ConsentDirective toDirective(Consent consent) {
        List<Issue> issues = new ArrayList<>();
        ConsentStatus status = ConsentStatus.fromCode(consent.getStatusElement().getValueAsString()).orElse(null);
        if (status == null) {
            issues.add(new Issue("Consent.status", "status is required: draft, proposed, active, rejected, inactive or entered-in-error"));
        }
        Identifier patient = consent.getPatient().getIdentifier();
        if (!patient.hasValue() || patient.getValue().isBlank()) {
            issues.add(new Issue("Consent.patient.identifier.value", "the patient must be given by identifier (value = Patient ID, system = issuer)"));
        }
        Consent.ProvisionComponent provision = consent.getProvision();
        Decision type = provisionType(provision, issues);
        Actors actors = actors(provision, issues);
        DataClass dataClass = dataClass(provision, issues);
        java.util.Set<String> purposes = purposes(provision, issues);
        String custodian = custodian(consent, issues);
        Instant start = instant(provision.getPeriod().getStartElement(), "Consent.provision.period.start", issues);
        Instant end = instant(provision.getPeriod().getEndElement(), "Consent.provision.period.end", issues);
        if (start != null && end != null && end.isBefore(start)) {
            issues.add(new Issue("Consent.provision.period", "period end is before its start"));
        }
        if (provision.hasProvision()) {
            issues.add(new Issue("Consent.provision.provision", "nested provisions are not supported; post one Consent per rule"));
        }
        if (!issues.isEmpty()) {
            throw new InvalidConsentException(issues);
        }
        return new ConsentDirective(null, patient.getValue().trim(), patient.hasSystem() ? patient.getSystem() : "",
                type, actors.organization, actors.country, dataClass, status, start, end, null, null, null, custodian,
                purposes);
    }

    /** @return the codes of {@code provision.purpose}; empty for any purpose; issues for foreign or unknown codes */
    private static java.util.Set<String> purposes(Consent.ProvisionComponent provision, List<Issue> issues) {
        java.util.Set<String> out = new java.util.TreeSet<>();
        for (int i = 0; i < provision.getPurpose().size(); i++) {
            Coding c = provision.getPurpose().get(i);
            String at = "Consent.provision.purpose[" + i + "]";
            if (!PURPOSE_SYSTEM.equals(c.getSystem())) {
                issues.add(new Issue(at + ".system", "purpose system must be " + PURPOSE_SYSTEM));
            } else if (c.getCode() == null || !PURPOSES_OF_USE.contains(c.getCode())) {
                issues.add(new Issue(at + ".code", "purpose code must be one of the HL7 v3 PurposeOfUse codes "
                        + new java.util.TreeSet<>(PURPOSES_OF_USE)));
            } else {
                out.add(c.getCode());
            }
        }
        return out;
    }

    /** @return the instant of a date element; null when absent or (with an issue) not a valid FHIR dateTime */
    private static Instant instant(DateTimeType element, String location, List<Issue> issues) {
        if (element == null || element.getValueAsString() == null) {
            return null;
        }
        if (element.getValue() == null) {
            issues.add(new Issue(location, "'" + element.getValueAsString() + "' is not a valid FHIR dateTime"));
            return null;
        }
        return element.getValue().toInstant();
    }

    /** @return the organisation id {@code Consent.organization} names; null when none */
    private static String custodian(Consent consent, List<Issue> issues) {
        List<Reference> orgs = consent.getOrganization();
        if (orgs.size() > 1) {
            issues.add(new Issue("Consent.organization", "at most one organisation per Consent"));
        }
        if (orgs.isEmpty()) {
            return null;
        }
        Identifier id = orgs.get(0).getIdentifier();
        if (!ORGANIZATION_SYSTEM.equals(id.getSystem()) || !id.hasValue() || id.getValue().isBlank()) {
            issues.add(new Issue("Consent.organization[0].identifier", "the organisation must be identified by system "
                    + ORGANIZATION_SYSTEM + " with a value"));
            return null;
        }
        return id.getValue().trim();
    }

    /**
     * Completes the posted resource as stored: logical id, {@code meta.versionId} 1,
     * {@code meta.lastUpdated}, and default scope / category when absent.
     *
     * @param consent the posted resource; modified in place
     * @param stored  the stored directive (id and recordedAt set)
     * @return the same resource
     */
    public static Consent completeForStorage(Consent consent, ConsentDirective stored) {
        consent.setId(stored.id());
        consent.getMeta().setVersionId("1").setLastUpdated(Date.from(stored.recordedAt()));
        if (!consent.hasScope()) {
            consent.setScope(new CodeableConcept(new Coding(SCOPE_SYSTEM, "patient-privacy", "Privacy Consent")));
        }
        if (!consent.hasOrganization() && stored.custodianOrganizationId() != null) {
            consent.addOrganization(new Reference().setType("Organization").setIdentifier(
                    new Identifier().setSystem(ORGANIZATION_SYSTEM).setValue(stored.custodianOrganizationId())));
        }
        if (!consent.hasCategory()) {
            consent.addCategory(new CodeableConcept(new Coding(LOINC, "59284-0", "Patient Consent")));
        }
        return consent;
    }

    /**
     * Builds the searchset Bundle of a Consent search (R4 search.html#return), oldest first.
     *
     * @param page     the directives of this page with their stored resources
     * @param total    number of matches over all pages
     * @param next     public URL of the next page; null on the last page
     * @param fhir     parses the stored resources
     * @param base     the platform's public FHIR base (entry {@code fullUrl}, link {@code self})
     * @param rawQuery the query string as the client sent it; null when none
     * @return the Bundle
     */
    public static Bundle searchset(List<ConsentDirective> page, int total, String next, FhirJson fhir, FhirBase base,
                                   String rawQuery) {
        Bundle bundle = new Bundle().setType(Bundle.BundleType.SEARCHSET).setTotal(total);
        bundle.setId(UUID.randomUUID().toString());
        bundle.getMeta().setLastUpdated(new Date());
        bundle.addLink().setRelation("self").setUrl(base.searchUrl(RESOURCE_TYPE, rawQuery));
        if (next != null) {
            bundle.addLink().setRelation("next").setUrl(next);
        }
        for (ConsentDirective d : page) {
            bundle.addEntry().setFullUrl(base.resourceUrl(RESOURCE_TYPE, d.id()))
                    .setResource(fhir.parseStored(d.resourceJson(), Consent.class))
                    .getSearch().setMode(Bundle.SearchEntryMode.MATCH);
        }
        return bundle;
    }

    private static Decision provisionType(Consent.ProvisionComponent provision, List<Issue> issues) {
        String code = provision.getTypeElement().getValueAsString();
        if ("permit".equals(code)) {
            return Decision.PERMIT;
        }
        if ("deny".equals(code)) {
            return Decision.DENY;
        }
        issues.add(new Issue("Consent.provision.type", "provision.type is required: permit or deny"));
        return null;
    }

    private record Actors(String organization, String country) {
    }

    private static Actors actors(Consent.ProvisionComponent provision, List<Issue> issues) {
        String organization = null;
        String country = null;
        for (int i = 0; i < provision.getActor().size(); i++) {
            String at = "Consent.provision.actor[" + i + "].reference.identifier";
            Reference ref = provision.getActor().get(i).getReference();
            Identifier id = ref.getIdentifier();
            String value = id.hasValue() ? id.getValue().trim() : "";
            if (ORGANIZATION_SYSTEM.equals(id.getSystem()) && !value.isEmpty()) {
                if (organization != null) {
                    issues.add(new Issue(at, "at most one organisation actor per Consent"));
                }
                organization = value;
            } else if (COUNTRY_SYSTEM.equals(id.getSystem()) && COUNTRY.matcher(value).matches()) {
                if (country != null) {
                    issues.add(new Issue(at, "at most one country actor per Consent"));
                }
                country = value.toUpperCase(Locale.ROOT);
            } else {
                issues.add(new Issue(at, "actor must be identified by system " + ORGANIZATION_SYSTEM
                        + " (organisation id) or " + COUNTRY_SYSTEM + " (ISO 3166-1 alpha-2 country) with a value"));
            }
        }
        return new Actors(organization, country);
    }

    private static DataClass dataClass(Consent.ProvisionComponent provision, List<Issue> issues) {
        List<Coding> classes = provision.getClass_();
        if (classes.isEmpty()) {
            return null;
        }
        if (classes.size() > 1) {
            issues.add(new Issue("Consent.provision.class", "at most one data class per Consent"));
        }
        Coding c = classes.get(0);
        if (c.hasSystem() && !DataClassCodes.SYSTEM.equals(c.getSystem())) {
            issues.add(new Issue("Consent.provision.class[0].system", "class system must be " + DataClassCodes.SYSTEM));
            return null;
        }
        return DataClassCodes.fromCode(c.getCode()).orElseGet(() -> {
            issues.add(new Issue("Consent.provision.class[0].code", "class code must be imaging-study or imaging-report"));
            return null;
        });
    }
}
