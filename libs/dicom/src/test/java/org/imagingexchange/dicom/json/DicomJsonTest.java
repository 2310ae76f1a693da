package org.imagingexchange.dicom.json;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.json.JsonObject;
import java.io.InputStreamReader;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.imagingexchange.dicom.DicomAttribute;
import org.imagingexchange.dicom.DicomDataset;
import org.imagingexchange.dicom.DicomElement;
import org.imagingexchange.dicom.PersonName;
import org.imagingexchange.dicom.Vr;
import org.junit.jupiter.api.Test;

class DicomJsonTest {

    private static List<DicomDataset> ps318Example() throws Exception {
        try (Reader r = new InputStreamReader(DicomJsonTest.class.getResourceAsStream("/ps3.18-f4-example.json"),
                StandardCharsets.UTF_8)) {
            return DicomJsonReader.readArray(r);
        }
    }

    @Test
    void readArray_ps318AnnexF4Example_allValueKindsDecoded() throws Exception {
        DicomDataset study = ps318Example().get(0);
        assertEquals(List.of("CT", "PET"), study.getStrings(DicomAttribute.MODALITIES_IN_STUDY));
        PersonName patient = study.getPersonName(DicomAttribute.PATIENT_NAME).orElseThrow();
        assertEquals("Wang^XiaoDong", patient.alphabetic());
        assertEquals("王^小東", patient.ideographic());
        assertNull(patient.phonetic());
        assertEquals("^Bob^^Dr.", study.getString(DicomAttribute.REFERRING_PHYSICIAN_NAME));
        List<DicomDataset> others = study.getItems(DicomAttribute.OTHER_PATIENT_IDS_SEQUENCE);
        assertEquals(2, others.size());
        assertEquals("Hospital C", others.get(1).getString(DicomAttribute.ISSUER_OF_PATIENT_ID));
        assertEquals(List.of(942L), study.get(DicomAttribute.NUMBER_OF_STUDY_RELATED_INSTANCES).orElseThrow().values());
        DicomElement privateUn = study.get(0x00091002).orElseThrow();
        assertEquals(Vr.UN, privateUn.vr());
        assertArrayEquals(Base64.getDecoder().decode("z0x9c8v7"), privateUn.inlineBinary());
    }

    @Test
    void write_ps318AnnexF4Example_roundTripsToSameJson() throws Exception {
        DicomDataset study = ps318Example().get(0);
        JsonObject written = DicomJsonWriter.toJson(study);
        assertEquals(study, DicomJsonReader.read(written));
        assertEquals(4, written.getJsonObject("00201206").getJsonArray("Value").getJsonNumber(0).intValue());
        assertEquals("王^小東", written.getJsonObject("00100010").getJsonArray("Value").getJsonObject(0)
                .getString("Ideographic"));
    }

    @Test
    void write_ps318F22ThreeGroupName_membersPerGroup() {
        DicomDataset d = new DicomDataset().putString(DicomAttribute.PATIENT_NAME, "Yamada^Tarou=山田^太郎=やまだ^たろう");
        JsonObject pn = DicomJsonWriter.toJson(d).getJsonObject("00100010").getJsonArray("Value").getJsonObject(0);
        assertEquals("Yamada^Tarou", pn.getString("Alphabetic"));
        assertEquals("山田^太郎", pn.getString("Ideographic"));
        assertEquals("やまだ^たろう", pn.getString("Phonetic"));
    }

    @Test
    void write_emptyValueAmongSeveral_nullPerPs318F25() {
        DicomDataset d = new DicomDataset().putString(DicomAttribute.IMAGE_TYPE, "ORIGINAL", "", "AXIAL");
        JsonObject json = DicomJsonWriter.toJson(d);
        assertEquals("[\"ORIGINAL\",null,\"AXIAL\"]", json.getJsonObject("00080008").getJsonArray("Value").toString());
        assertEquals(d, DicomJsonReader.read(json));
    }

    @Test
    void write_elementWithoutValue_noValueMember() {
        DicomDataset d = new DicomDataset().putString(DicomAttribute.PATIENT_ID);
        JsonObject e = DicomJsonWriter.toJson(d).getJsonObject("00100020");
        assertEquals("LO", e.getString("vr"));
        assertFalse(e.containsKey("Value"));
    }

    @Test
    void read_bulkDataUriAndDecimalString_kept() {
        DicomDataset d = DicomJsonReader.read("{\"7FE00010\":{\"vr\":\"OW\",\"BulkDataURI\":\"http://h/bulk/1\"},"
                + "\"00280030\":{\"vr\":\"DS\",\"Value\":[0.5,\"0.25\"]}}");
        assertEquals("http://h/bulk/1", d.get(DicomAttribute.PIXEL_DATA).orElseThrow().bulkDataUri());
        assertEquals(List.of(new BigDecimal("0.5"), new BigDecimal("0.25")), d.get(0x00280030).orElseThrow().values());
    }

    @Test
    void read_invalidInput_invalidDicomJsonNamingTheProblem() {
        assertThrows(InvalidDicomJsonException.class, () -> DicomJsonReader.read("not json"));
        InvalidDicomJsonException tag = assertThrows(InvalidDicomJsonException.class,
                () -> DicomJsonReader.read("{\"PatientID\":{\"vr\":\"LO\"}}"));
        assertEquals(true, tag.getMessage().contains("PatientID"), tag.getMessage());
        InvalidDicomJsonException vr = assertThrows(InvalidDicomJsonException.class,
                () -> DicomJsonReader.read("{\"00100020\":{\"vr\":\"XX\"}}"));
        assertEquals(true, vr.getMessage().contains("(0010,0020)"), vr.getMessage());
        assertThrows(InvalidDicomJsonException.class,
                () -> DicomJsonReader.read("{\"00201208\":{\"vr\":\"IS\",\"Value\":[\"many\"]}}"));
    }
}
