package org.imagingexchange.registry.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.imagingexchange.registry.domain.DicomAttribute;
import org.imagingexchange.registry.domain.FieldSelection;
import org.imagingexchange.registry.domain.Series;
import org.imagingexchange.registry.domain.Study;
import org.junit.jupiter.api.Test;

class DicomJsonWriterTest {

    private final DicomJsonWriter writer = new DicomJsonWriter("http://127.0.0.1:8080/dicomweb");

    private static Study study() {
        return new Study("1.2.3", "1CT1", "HOSP-A", "Yamada^Tarou=山田^太郎", LocalDate.of(1970, 1, 1), "M",
                LocalDate.of(2004, 1, 19), "072730", null, null, "1CT1", "e+1", null, null, List.of("CT", "SR"),
                List.of(), List.of("HEAD"), List.of(), 2, 3, "hospital-a");
    }

    @Test
    void studies_table10633Attributes_inTagOrderWithRetrieveUrl() {
        JsonObject o = writer.studies(List.of(study()), FieldSelection.DEFAULT).getJsonObject(0);

        assertEquals("20040119", value(o, DicomAttribute.STUDY_DATE).getString(0));
        assertEquals("CT", value(o, DicomAttribute.MODALITIES_IN_STUDY).getString(0));
        assertEquals("SR", value(o, DicomAttribute.MODALITIES_IN_STUDY).getString(1));
        assertEquals(2, value(o, DicomAttribute.NUMBER_OF_STUDY_RELATED_SERIES).getInt(0));
        assertEquals(3, value(o, DicomAttribute.NUMBER_OF_STUDY_RELATED_INSTANCES).getInt(0));
        assertEquals("http://127.0.0.1:8080/dicomweb/studies/1.2.3", value(o, DicomAttribute.RETRIEVE_URL).getString(0));
        assertEquals("UR", o.getJsonObject(DicomAttribute.RETRIEVE_URL.tag()).getString("vr"));
        assertEquals("HOSP-A", value(o, DicomAttribute.ISSUER_OF_PATIENT_ID).getString(0));
        List<String> tags = new ArrayList<>(o.keySet());
        List<String> sorted = new ArrayList<>(tags);
        sorted.sort(null);
        assertEquals(sorted, tags, "attributes in ascending tag order");
        assertFalse(o.containsKey(DicomAttribute.BODY_PART_EXAMINED.tag()), "not a default study attribute");
    }

    @Test
    void studies_personNameGroups_andEmptyAttributesWithoutValue() {
        JsonObject o = writer.studies(List.of(study()), FieldSelection.DEFAULT).getJsonObject(0);
        JsonObject pn = value(o, DicomAttribute.PATIENT_NAME).getJsonObject(0);
        assertEquals("Yamada^Tarou", pn.getString("Alphabetic"));
        assertEquals("山田^太郎", pn.getString("Ideographic"));
        assertFalse(pn.containsKey("Phonetic"));
        JsonObject accession = o.getJsonObject(DicomAttribute.ACCESSION_NUMBER.tag());
        assertEquals("SH", accession.getString("vr"));
        assertFalse(accession.containsKey("Value"), "an empty attribute has no Value (PS3.18 F.2.5)");
    }

    @Test
    void studies_includefieldBodyPart_added() {
        JsonObject o = writer.studies(List.of(study()), new FieldSelection(false,
                java.util.Set.of(DicomAttribute.BODY_PART_EXAMINED))).getJsonObject(0);
        assertEquals("HEAD", value(o, DicomAttribute.BODY_PART_EXAMINED).getString(0));
    }

    @Test
    void series_retrieveUrlAndCounts() {
        JsonObject o = writer.series("1.2.3", List.of(new Series("1.2.3.1", "CT", 4, "AXIAL", null, 7))).getJsonObject(0);
        assertEquals("http://127.0.0.1:8080/dicomweb/studies/1.2.3/series/1.2.3.1",
                value(o, DicomAttribute.RETRIEVE_URL).getString(0));
        assertEquals(7, value(o, DicomAttribute.NUMBER_OF_SERIES_RELATED_INSTANCES).getInt(0));
        assertTrue(o.containsKey(DicomAttribute.STUDY_INSTANCE_UID.tag()));
    }

    private static jakarta.json.JsonArray value(JsonObject o, DicomAttribute a) {
        return o.getJsonObject(a.tag()).getJsonArray("Value");
    }
}
