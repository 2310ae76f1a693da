package org.imagingexchange.audit.api;

import java.nio.charset.StandardCharsets;
import java.util.Date;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.AuditEvent.AuditEventAgentComponent;
import org.hl7.fhir.r4.model.AuditEvent.AuditEventEntityComponent;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.InstantType;
import org.hl7.fhir.r4.model.Reference;
import ca.uhn.fhir.model.api.TemporalPrecisionEnum;
import org.imagingexchange.audit.client.AuditRecord;
import org.imagingexchange.audit.client.BalpPattern;
import org.imagingexchange.audit.domain.AuditPage;
import org.imagingexchange.audit.domain.StoredAuditEvent;
import org.imagingexchange.kit.fhir.FhirBase;

/**
 * Renders a stored audit record as a FHIR R4 {@code AuditEvent} in the shape of the IHE Basic Audit Log
 * Patterns (BALP 1.1): {@code type} audit-event-type {@code rest} with the restful interaction as
 * {@code subtype} (consent decisions: DICOM 110110 Patient Record / {@code decision}); {@code action};
 * {@code recorded}; {@code outcome} + {@code outcomeDesc}; {@code purposeOfEvent} (v3 PurposeOfUse);
 * agents: the requester (v3-ParticipationType IRCP, {@code requestor = true}, user id as
 * {@code who.identifier}, username as {@code altId}/{@code name}/{@code who.display}, purpose of use, the
 * country in extension {@value #COUNTRY_EXTENSION}), the OAuth client (DICOM 110153 Source Role ID), the
 * requesting organisation ({@code who.type = Organization}, {@code who.identifier}) and the reporting
 * service (DICOM 110152 Destination Role ID); {@code source.observer} = reporting service (source type 4
 * Application Server); entities: each patient (audit-entity-type 1 Person, object-role 1 Patient,
 * {@code what.identifier} = Patient ID with the issuer as system), each object (type 2 System Object,
 * role 4 Domain Resource, {@code what.type} = resource type; ImagingStudy as {@code urn:dicom:uid}), and
 * the query of query patterns (role 24 Query, {@code query} = base64 of the query string).
 */
public final class AuditEventFhirMapper {

    /** Extension on the requester agent carrying the requester's country (ISO 3166-1 alpha-2, valueCode). */
    public static final String COUNTRY_EXTENSION = "urn:imaging-exchange:fhir:StructureDefinition:requester-country";
    /** Identifier system of requester user ids (token subject). */
    public static final String USER_SYSTEM = "urn:imaging-exchange:user";
    /** Identifier system of OAuth client ids. */
    public static final String CLIENT_SYSTEM = "urn:imaging-exchange:oauth-client";
    /** Identifier system of organisation ids. */
    public static final String ORGANIZATION_SYSTEM = "urn:imaging-exchange:organization";
    /** Identifier system of Imaging Exchange services (audit sources). */
    public static final String SERVICE_SYSTEM = "urn:imaging-exchange:service";
    /** Code system of subtypes that are not FHIR restful interactions (consent decisions). */
    public static final String SUBTYPE_SYSTEM = "urn:imaging-exchange:fhir:CodeSystem:audit-subtype";

    static final String DCM = "http://dicom.nema.org/resources/ontology/DCM";
    static final String AUDIT_EVENT_TYPE = "http://terminology.hl7.org/CodeSystem/audit-event-type";
    static final String RESTFUL_INTERACTION = "http://hl7.org/fhir/restful-interaction";
    static final String V3_ACT_REASON = "http://terminology.hl7.org/CodeSystem/v3-ActReason";
    static final String V3_PARTICIPATION_TYPE = "http://terminology.hl7.org/CodeSystem/v3-ParticipationType";
    static final String SECURITY_SOURCE_TYPE = "http://terminology.hl7.org/CodeSystem/security-source-type";
    static final String AUDIT_ENTITY_TYPE = "http://terminology.hl7.org/CodeSystem/audit-entity-type";
    static final String OBJECT_ROLE = "http://terminology.hl7.org/CodeSystem/object-role";
    static final String DICOM_UID_SYSTEM = "urn:dicom:uid";

    /** The FHIR resource type served. */
    public static final String RESOURCE_TYPE = "AuditEvent";

    private AuditEventFhirMapper() {
    }

    /**
     * Builds the searchset Bundle of one page (R4 search.html#return), newest first.
     *
     * @param page     the page (events after access scoping, total of all pages)
     * @param base     the platform's public FHIR base (entry {@code fullUrl}, links)
     * @param rawQuery the query string as the client sent it; null when none
     * @return the Bundle with {@code total}, link {@code self} and, when more match, {@code next}
     */
    public static Bundle searchset(AuditPage page, FhirBase base, String rawQuery) {
        Bundle bundle = new Bundle().setType(Bundle.BundleType.SEARCHSET).setTotal((int) page.total());
        bundle.setTimestamp(new Date());
        bundle.addLink().setRelation("self").setUrl(base.searchUrl(RESOURCE_TYPE, rawQuery));
        if (page.hasNext()) {
            bundle.addLink().setRelation("next").setUrl(base.pageUrl(RESOURCE_TYPE, rawQuery,
                    page.query().offset() + page.events().size(), page.query().count()));
        }
        for (StoredAuditEvent event : page.events()) {
            bundle.addEntry().setFullUrl(base.resourceUrl(RESOURCE_TYPE, event.record().eventId()))
                    .setResource(toFhir(event))
                    .getSearch().setMode(Bundle.SearchEntryMode.MATCH);
        }
        return bundle;
    }

    /**
     * @param stored a stored event
     * @return the AuditEvent, id = event id
     */
    public static AuditEvent toFhir(StoredAuditEvent stored) {
        AuditRecord r = stored.record();
        AuditEvent e = new AuditEvent();
        e.setId(r.eventId());
        typeAndSubtype(e, r.pattern());
        e.setAction(AuditEvent.AuditEventAction.fromCode(r.pattern().action()));
        e.setRecordedElement(new InstantType(Date.from(r.recorded()), TemporalPrecisionEnum.MILLI));
        e.setOutcome(AuditEvent.AuditEventOutcome.fromCode(r.outcome().code()));
        if (!r.outcomeDetail().isEmpty()) {
            e.setOutcomeDesc(r.outcomeDetail());
        }
        if (!r.agent().purposeOfUse().isEmpty()) {
            e.addPurposeOfEvent(purposeOfUse(r.agent().purposeOfUse()));
        }
        agents(e, r);
        e.getSource().setObserver(service(r.source()))
                .addType(new Coding(SECURITY_SOURCE_TYPE, "4", "Application Server"));
        r.patients().forEach(p -> e.addEntity(patient(p)));
        r.entities().forEach(x -> e.addEntity(entity(x)));
        return e;
    }

    private static void typeAndSubtype(AuditEvent e, BalpPattern pattern) {
        if (pattern == BalpPattern.CONSENT_DECISION) {
            e.setType(new Coding(DCM, "110110", "Patient Record"));
            e.addSubtype(new Coding(SUBTYPE_SYSTEM, pattern.interaction(), "Consent decision"));
            return;
        }
        e.setType(new Coding(AUDIT_EVENT_TYPE, "rest", "Restful Operation"));
        e.addSubtype(new Coding(RESTFUL_INTERACTION, pattern.interaction(), pattern.interaction()));
    }

    private static void agents(AuditEvent e, AuditRecord r) {
        AuditRecord.Agent a = r.agent();
        AuditEventAgentComponent user = e.addAgent()
                .setType(concept(V3_PARTICIPATION_TYPE, "IRCP", "information recipient"))
                .setRequestor(true);
        Reference who = new Reference().setDisplay(a.username().isEmpty() ? "anonymous" : a.username());
        if (!a.userId().isEmpty()) {
            who.setIdentifier(new Identifier().setSystem(USER_SYSTEM).setValue(a.userId()));
        }
        user.setWho(who);
        if (!a.username().isEmpty()) {
            user.setAltId(a.username()).setName(a.username());
        }
        if (!a.purposeOfUse().isEmpty()) {
            user.addPurposeOfUse(purposeOfUse(a.purposeOfUse()));
        }
        if (!a.country().isEmpty()) {
            user.addExtension(COUNTRY_EXTENSION, new CodeType(a.country()));
        }
        if (!a.clientId().isEmpty()) {
            e.addAgent().setType(concept(DCM, "110153", "Source Role ID")).setRequestor(false)
                    .setWho(new Reference().setDisplay(a.clientId())
                            .setIdentifier(new Identifier().setSystem(CLIENT_SYSTEM).setValue(a.clientId())));
        }
        if (!a.organizationId().isEmpty()) {
            e.addAgent().setRequestor(false)
                    .setWho(new Reference().setType("Organization").setDisplay(a.organizationId())
                            .setIdentifier(new Identifier().setSystem(ORGANIZATION_SYSTEM).setValue(a.organizationId())));
        }
        e.addAgent().setType(concept(DCM, "110152", "Destination Role ID")).setRequestor(false)
                .setWho(service(r.source()));
    }

    private static AuditEventEntityComponent patient(AuditRecord.PatientRef p) {
        Identifier id = new Identifier().setValue(p.id());
        if (p.issuer().contains(":")) {
            id.setSystem(p.issuer());
        } else if (!p.issuer().isEmpty()) {
            id.setAssigner(new Reference().setDisplay(p.issuer()));
        }
        return new AuditEventEntityComponent()
                .setWhat(new Reference().setType("Patient").setIdentifier(id))
                .setType(new Coding(AUDIT_ENTITY_TYPE, "1", "Person"))
                .setRole(new Coding(OBJECT_ROLE, "1", "Patient"));
    }

    private static AuditEventEntityComponent entity(AuditRecord.EntityRef x) {
        AuditEventEntityComponent entity = new AuditEventEntityComponent()
                .setType(new Coding(AUDIT_ENTITY_TYPE, "2", "System Object"));
        if (!x.description().isEmpty()) {
            entity.setDescription(x.description());
        }
        if ("query".equals(x.type())) {
            return entity.setRole(new Coding(OBJECT_ROLE, "24", "Query"))
                    .setQuery(x.identifier().getBytes(StandardCharsets.UTF_8));
        }
        Identifier id = "ImagingStudy".equals(x.type())
                ? new Identifier().setSystem(DICOM_UID_SYSTEM).setValue("urn:oid:" + x.identifier())
                : new Identifier().setValue(x.identifier());
        return entity.setRole(new Coding(OBJECT_ROLE, "4", "Domain Resource"))
                .setWhat(new Reference().setType(x.type()).setIdentifier(id));
    }

    private static Reference service(String source) {
        return new Reference().setDisplay(source)
                .setIdentifier(new Identifier().setSystem(SERVICE_SYSTEM).setValue(source));
    }

    private static CodeableConcept purposeOfUse(String code) {
        return concept(V3_ACT_REASON, code, null);
    }

    private static CodeableConcept concept(String system, String code, String display) {
        return new CodeableConcept(new Coding(system, code, display));
    }
}
