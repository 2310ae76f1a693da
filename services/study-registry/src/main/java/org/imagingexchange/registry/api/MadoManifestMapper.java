package org.imagingexchange.registry.api;

import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.UUID;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Composition;
import org.hl7.fhir.r4.model.Device;
import org.hl7.fhir.r4.model.Endpoint;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.ImagingStudy;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.imagingexchange.registry.domain.PatientIdentifier;
import org.imagingexchange.registry.domain.Study;
import org.imagingexchange.registry.domain.StudySearch;

/**
 * Builds a study's IHE MADO manifest, FHIR option (eHN data set B as a FHIR R4 document Bundle):
 * Composition (LOINC 18748-4 "Diagnostic imaging study", one section listing the study), Patient with
 * every identifier the registry links, custodian Organization, author Device (this registry), the
 * requested procedure as ServiceRequest (accession number, eHN A.1.8.11), ImagingStudy (study, series
 * and instance level, eHN B.1.1-B.1.4.7) and one Endpoint with connectionType {@code dicom-wado-rs} at the
 * platform's public WADO-RS base (eHN B.1.4.6; a source archive's address never leaves the platform).
 * Entries are identified by {@code urn:uuid} derived from the Study Instance UID, so the same study gives
 * the same manifest. Thread-safe.
 */
final class MadoManifestMapper {

    /** LOINC 18748-4, the eHN document type of imaging (A.1.8.1). */
    static final String LOINC_IMAGING_STUDY = "18748-4";
    static final String LOINC_SYSTEM = "http://loinc.org";
    static final String MADO_TITLE = "Imaging study manifest";
    private static final String ACSN_SYSTEM = "http://terminology.hl7.org/CodeSystem/v2-0203";

    private MadoManifestMapper() {
    }

    /**
     * @param located  the permitted study with series, instances and sources
     * @param wadoBase the platform's public WADO-RS base
     * @param now      the manifest's timestamp
     * @return the document Bundle
     */
    static Bundle manifest(StudySearch.LocatedManifest located, String wadoBase, Date now) {
        Study s = located.manifest().study();
        Bundle bundle = new Bundle().setType(Bundle.BundleType.DOCUMENT).setTimestamp(now);
        bundle.setIdentifier(new Identifier().setSystem("urn:ietf:rfc:3986").setValue(uuid(s, "bundle")));
        Patient patient = patient(s);
        Organization custodian = new Organization().setName(s.custodianOrganizationId());
        custodian.addIdentifier().setValue(s.custodianOrganizationId());
        Device author = new Device();
        author.addDeviceName().setName("Imaging Exchange study registry").setType(Device.DeviceNameType.MANUFACTURERNAME);
        ImagingStudy study = ImagingStudyMapper.imagingStudy(located, wadoBase);
        study.getContained().clear();
        Endpoint endpoint = endpoint(wadoBase);
        String patientUrl = uuid(s, "patient");
        String endpointUrl = uuid(s, "endpoint");
        study.setSubject(new Reference(patientUrl));
        study.getEndpoint().clear();
        study.addEndpoint(new Reference(endpointUrl));
        study.getSeries().forEach(se -> {
            se.getEndpoint().clear();
            se.addEndpoint(new Reference(endpointUrl));
        });
        Composition composition = composition(s, patientUrl, uuid(s, "author"), uuid(s, "custodian"), uuid(s, "study"), now);
        add(bundle, uuid(s, "composition"), composition);
        add(bundle, patientUrl, patient);
        add(bundle, uuid(s, "author"), author);
        add(bundle, uuid(s, "custodian"), custodian);
        if (s.accessionNumber() != null) {
            ServiceRequest order = new ServiceRequest().setStatus(ServiceRequest.ServiceRequestStatus.COMPLETED)
                    .setIntent(ServiceRequest.ServiceRequestIntent.ORDER).setSubject(new Reference(patientUrl));
            order.addIdentifier().setValue(s.accessionNumber()).setSystem(s.accessionNumberIssuer())
                    .setType(new CodeableConcept().addCoding(new Coding(ACSN_SYSTEM, "ACSN", "Accession ID")));
            String orderUrl = uuid(s, "order");
            study.addBasedOn(new Reference(orderUrl));
            add(bundle, orderUrl, order);
        }
        add(bundle, uuid(s, "study"), study);
        add(bundle, endpointUrl, endpoint);
        return bundle;
    }

    private static Composition composition(Study s, String patient, String author, String custodian, String study,
                                           Date now) {
        Composition c = new Composition().setStatus(Composition.CompositionStatus.FINAL).setDate(now)
                .setTitle(MADO_TITLE);
        c.setIdentifier(new Identifier().setSystem("urn:ietf:rfc:3986").setValue(uuid(s, "composition")));
        c.setType(new CodeableConcept().addCoding(new Coding(LOINC_SYSTEM, LOINC_IMAGING_STUDY, "Diagnostic imaging study")));
        c.setSubject(new Reference(patient));
        c.addAuthor(new Reference(author));
        c.setCustodian(new Reference(custodian));
        c.addSection().setTitle("Imaging study").addEntry(new Reference(study));
        return c;
    }

    private static Patient patient(Study s) {
        Patient p = new Patient();
        for (PatientIdentifier id : s.patientIdentifiers()) {
            p.addIdentifier().setValue(id.value()).setSystem(id.issuer().isEmpty() ? null : id.issuer());
        }
        if (s.patientName() != null && !s.patientName().isEmpty()) {
            String[] parts = s.patientName().split("=", -1)[0].split("\\^", -1);
            HumanName name = p.addName().setFamily(parts[0].isEmpty() ? null : parts[0]);
            for (int i = 1; i < Math.min(3, parts.length); i++) {
                if (!parts[i].isEmpty()) {
                    name.addGiven(parts[i]);
                }
            }
            name.setText(s.patientName());
        }
        if (s.patientBirthDate() != null) {
            p.setBirthDate(java.sql.Date.valueOf(s.patientBirthDate()));
        }
        p.setGender(switch (s.patientSex() == null ? "" : s.patientSex()) {
            case "M" -> Enumerations.AdministrativeGender.MALE;
            case "F" -> Enumerations.AdministrativeGender.FEMALE;
            case "O" -> Enumerations.AdministrativeGender.OTHER;
            default -> Enumerations.AdministrativeGender.UNKNOWN;
        });
        return p;
    }

    private static Endpoint endpoint(String wadoBase) {
        Endpoint ep = new Endpoint().setStatus(Endpoint.EndpointStatus.ACTIVE).setAddress(wadoBase);
        ep.setConnectionType(new Coding(ImagingStudyMapper.CONNECTION_TYPE_SYSTEM, "dicom-wado-rs", "DICOM WADO-RS"));
        ep.addPayloadType(new CodeableConcept().addCoding(new Coding(ImagingStudyMapper.PAYLOAD_TYPE_SYSTEM, "any", "Any")));
        ep.addPayloadMimeType("application/dicom");
        return ep;
    }

    private static void add(Bundle bundle, String fullUrl, Resource r) {
        bundle.addEntry().setFullUrl(fullUrl).setResource(r);
    }

    private static String uuid(Study s, String role) {
        return "urn:uuid:" + UUID.nameUUIDFromBytes((role + ":" + s.studyInstanceUid()).getBytes(StandardCharsets.UTF_8));
    }
}
