package org.imagingexchange.registry.api;

import ca.uhn.fhir.context.FhirContext;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Endpoint;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.ImagingStudy;
import org.hl7.fhir.r4.model.Reference;
import org.imagingexchange.kit.fhir.FhirBase;
import org.imagingexchange.registry.domain.Instance;
import org.imagingexchange.registry.domain.Paging;
import org.imagingexchange.registry.domain.SearchResult;
import org.imagingexchange.registry.domain.Series;
import org.imagingexchange.registry.domain.Study;
import org.imagingexchange.registry.domain.StudyManifest;
import org.imagingexchange.registry.domain.StudySearch;

/**
 * Maps indexed manifests to a FHIR R4 searchset Bundle of ImagingStudy (IHE MADO shape: study UID
 * identifier, series with modality, body site, instances, and a contained Endpoint with connectionType
 * {@code dicom-wado-rs} at the platform's public WADO-RS base, referenced from the study and each series,
 * eHN B.1.4.6; a source archive's own address never leaves the platform). Thread-safe.
 */
final class ImagingStudyMapper {

    /** The JVM's shared FHIR R4 context (creating one is expensive; thread-safe once built; never configured). */
    static final FhirContext FHIR = FhirContext.forR4Cached();

    static final String DICOM_UID_SYSTEM = "urn:dicom:uid";
    static final String DCM_SYSTEM = "http://dicom.nema.org/resources/ontology/DCM";
    static final String CONNECTION_TYPE_SYSTEM = "http://terminology.hl7.org/CodeSystem/endpoint-connection-type";
    static final String PAYLOAD_TYPE_SYSTEM = "http://terminology.hl7.org/CodeSystem/endpoint-payload-type";
    static final String URI_SYSTEM = "urn:ietf:rfc:3986";
    static final String RESOURCE_TYPE = "ImagingStudy";
    static final String PLATFORM_ENDPOINT_ID = "wado-rs";

    private ImagingStudyMapper() {
    }

    /**
     * @param found    the permitted page of manifests
     * @param paging   the page's offset and count (for the {@code next} link)
     * @param base     the platform's public FHIR base, for entry fullUrl and links
     * @param wadoBase the platform's public WADO-RS base, the address of every Endpoint (eHN B.1.4.6)
     * @param rawQuery the query string as the client sent it (link self); null when none
     * @return the searchset Bundle as FHIR JSON; {@code total} is left out (it is optional in FHIR and
     *         would cost a count of every permitted match)
     */
    static String searchset(SearchResult<StudySearch.LocatedManifest> found, Paging paging, FhirBase base,
                            String wadoBase, String rawQuery) {
        Bundle bundle = new Bundle().setType(Bundle.BundleType.SEARCHSET);
        bundle.addLink().setRelation("self").setUrl(base.searchUrl(RESOURCE_TYPE, rawQuery));
        if (found.more()) {
            bundle.addLink().setRelation("next")
                    .setUrl(base.pageUrl(RESOURCE_TYPE, rawQuery, paging.offset() + paging.limit(), paging.limit()));
        }
        for (StudySearch.LocatedManifest m : found.items()) {
            ImagingStudy study = imagingStudy(m, wadoBase);
            bundle.addEntry().setFullUrl(base.resourceUrl(RESOURCE_TYPE, study.getIdElement().getIdPart()))
                    .setResource(study)
                    .getSearch().setMode(Bundle.SearchEntryMode.MATCH);
        }
        return FHIR.newJsonParser().encodeResourceToString(bundle);
    }

    /**
     * @param located  a manifest with the sources holding it
     * @param wadoBase the platform's public WADO-RS base: every Endpoint points there, never at a source archive
     * @return the ImagingStudy with one contained Endpoint
     */
    static ImagingStudy imagingStudy(StudySearch.LocatedManifest located, String wadoBase) {
        Study s = located.manifest().study();
        ImagingStudy is = new ImagingStudy();
        is.setId(s.studyInstanceUid());
        is.setStatus(ImagingStudy.ImagingStudyStatus.AVAILABLE);
        is.addIdentifier().setSystem(DICOM_UID_SYSTEM).setValue("urn:oid:" + s.studyInstanceUid());
        if (s.accessionNumber() != null) {
            is.addIdentifier().setValue(s.accessionNumber()).setType(new CodeableConcept().addCoding(
                    new Coding("http://terminology.hl7.org/CodeSystem/v2-0203", "ACSN", "Accession ID")));
        }
        Identifier patient = new Identifier().setValue(s.patientId());
        if (!s.issuerOfPatientId().isEmpty()) {
            patient.setSystem(s.issuerOfPatientId());
        }
        is.setSubject(new Reference().setIdentifier(patient).setDisplay(alphabetic(s.patientName())));
        if (s.studyDate() != null) {
            is.setStarted(started(s.studyDate(), s.studyTime()));
        }
        s.modalitiesInStudy().forEach(m -> is.addModality(new Coding(DCM_SYSTEM, m, null)));
        is.setDescription(s.studyDescription());
        is.setNumberOfSeries(s.numberOfSeries());
        is.setNumberOfInstances(s.numberOfInstances());
        List<Reference> endpoints = List.of(new Reference("#" + PLATFORM_ENDPOINT_ID));
        is.addContained(platformEndpoint(wadoBase));
        endpoints.forEach(r -> is.addEndpoint(r.copy()));
        for (StudyManifest.SeriesManifest sm : located.manifest().series()) {
            is.addSeries(series(sm, endpoints));
        }
        return is;
    }

    /** The platform's WADO-RS endpoint (MADO Endpoint, connectionType dicom-wado-rs). */
    private static Endpoint platformEndpoint(String wadoBase) {
        Endpoint ep = new Endpoint();
        ep.setId(PLATFORM_ENDPOINT_ID);
        ep.setStatus(Endpoint.EndpointStatus.ACTIVE);
        ep.setConnectionType(new Coding(CONNECTION_TYPE_SYSTEM, "dicom-wado-rs", "DICOM WADO-RS"));
        ep.addPayloadType(new CodeableConcept().addCoding(new Coding(PAYLOAD_TYPE_SYSTEM, "any", "Any")));
        ep.addPayloadMimeType("application/dicom");
        ep.setAddress(wadoBase);
        return ep;
    }

    private static ImagingStudy.ImagingStudySeriesComponent series(StudyManifest.SeriesManifest sm,
                                                                   List<Reference> endpoints) {
        Series s = sm.series();
        ImagingStudy.ImagingStudySeriesComponent c = new ImagingStudy.ImagingStudySeriesComponent();
        c.setUid(s.seriesInstanceUid());
        if (s.seriesNumber() != null) {
            c.setNumber(s.seriesNumber());
        }
        c.setModality(new Coding(DCM_SYSTEM, s.modality() == null ? "OT" : s.modality(), null));
        c.setDescription(s.seriesDescription());
        c.setNumberOfInstances(s.numberOfInstances());
        if (s.bodyPartExamined() != null) {
            c.setBodySite(new Coding().setDisplay(s.bodyPartExamined()));
        }
        endpoints.forEach(r -> c.addEndpoint(r.copy()));
        for (Instance i : sm.instances()) {
            ImagingStudy.ImagingStudySeriesInstanceComponent ic = c.addInstance().setUid(i.sopInstanceUid());
            if (i.sopClassUid() != null) {
                ic.setSopClass(new Coding(URI_SYSTEM, "urn:oid:" + i.sopClassUid(), null));
            }
            if (i.instanceNumber() != null) {
                ic.setNumber(i.instanceNumber());
            }
        }
        return c;
    }

    private static Date started(LocalDate date, String time) {
        LocalTime t = LocalTime.MIDNIGHT;
        if (time != null && time.length() >= 4 && time.substring(0, 4).chars().allMatch(Character::isDigit)) {
            int seconds = time.length() >= 6 && time.substring(4, 6).chars().allMatch(Character::isDigit)
                    ? Integer.parseInt(time.substring(4, 6)) : 0;
            t = LocalTime.of(Math.min(23, Integer.parseInt(time.substring(0, 2))),
                    Math.min(59, Integer.parseInt(time.substring(2, 4))), Math.min(59, seconds));
        }
        // Study Time carries no zone (unless TimezoneOffsetFromUTC is sent); read as UTC.
        return Date.from(date.atTime(t).toInstant(ZoneOffset.UTC));
    }

    private static String alphabetic(String pn) {
        if (pn == null || pn.isEmpty()) {
            return null;
        }
        String group = pn.split("=", -1)[0];
        return group.isEmpty() ? pn.replace('=', ' ').strip() : group.replace('^', ' ').strip();
    }
}
