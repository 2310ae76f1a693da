package org.imagingexchange.registry.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Composition;
import org.hl7.fhir.r4.model.Endpoint;
import org.hl7.fhir.r4.model.ImagingStudy;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.ResourceType;
import org.imagingexchange.registry.domain.Instance;
import org.imagingexchange.registry.domain.PatientIdentifier;
import org.imagingexchange.registry.domain.Series;
import org.imagingexchange.registry.domain.Study;
import org.imagingexchange.registry.domain.StudyManifest;
import org.imagingexchange.registry.domain.StudySearch;
import org.junit.jupiter.api.Test;

/** The MADO manifest (FHIR option) round-trips through HAPI's parser with its references resolved. */
class MadoManifestMapperTest {

    private static final String WADO = "https://exchange.region.invalid/dicomweb";

    @Test
    void manifest_documentBundle_parsesAndReferencesResolveWithinIt() {
        Study header = new Study("1.2.3", "1CT1", "HOSP-A", "Yamada^Tarou=山田^太郎", LocalDate.of(1970, 1, 1), "M",
                LocalDate.of(2004, 1, 19), "072730", "ACC1", "RIS-A", null, "CT head", null, null, List.of(),
                List.of(), List.of(), List.of(new PatientIdentifier("NL-123", "urn:oid:2.16.528.1.1007.3.3")), 0, 0, null);
        StudyManifest m = StudyManifest.of(header, List.of(new StudyManifest.SeriesManifest(
                new Series("1.2.3.1", "CT", 1, "AXIAL", "HEAD", 0),
                List.of(new Instance("1.2.3.1.1", "1.2.840.10008.5.1.4.1.1.2", 1, null)))), "hospital-a");

        String json = ImagingStudyMapper.FHIR.newJsonParser().encodeResourceToString(MadoManifestMapper.manifest(
                new StudySearch.LocatedManifest(m, List.of()), WADO, new Date(0)));
        Bundle b = ImagingStudyMapper.FHIR.newJsonParser().parseResource(Bundle.class, json);

        assertEquals(Bundle.BundleType.DOCUMENT, b.getType());
        assertEquals(ResourceType.Composition, b.getEntryFirstRep().getResource().getResourceType(), "a document starts with its Composition");
        Composition c = (Composition) b.getEntryFirstRep().getResource();
        assertEquals(MadoManifestMapper.LOINC_IMAGING_STUDY, c.getType().getCodingFirstRep().getCode());
        Patient p = resource(b, Patient.class);
        assertEquals(2, p.getIdentifier().size(), "every identifier of the patient");
        ImagingStudy is = resource(b, ImagingStudy.class);
        assertEquals("urn:oid:1.2.3", is.getIdentifierFirstRep().getValue());
        assertEquals(1, is.getNumberOfSeries());
        assertEquals(1, is.getSeriesFirstRep().getNumberOfInstances());
        assertFalse(is.hasContained(), "the Endpoint is an entry of the document, not contained");
        Endpoint ep = resource(b, Endpoint.class);
        assertEquals(WADO, ep.getAddress());
        assertEquals("dicom-wado-rs", ep.getConnectionType().getCode());
        for (String ref : List.of(c.getSubject().getReference(), is.getSubject().getReference(),
                is.getEndpointFirstRep().getReference(), is.getSeriesFirstRep().getEndpointFirstRep().getReference(),
                is.getBasedOnFirstRep().getReference(), c.getSectionFirstRep().getEntryFirstRep().getReference())) {
            assertTrue(b.getEntry().stream().anyMatch(e -> e.getFullUrl().equals(ref)), ref + " resolves inside the Bundle");
        }
    }

    private static <T> T resource(Bundle b, Class<T> type) {
        return b.getEntry().stream().map(Bundle.BundleEntryComponent::getResource).filter(type::isInstance).map(type::cast)
                .findFirst().orElseThrow(() -> new AssertionError("no " + type.getSimpleName() + " in the manifest"));
    }
}
