package org.imagingexchange.dicom.pixelmed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.imagingexchange.dicom.DicomAttribute;
import org.imagingexchange.dicom.DicomDataset;
import org.imagingexchange.dicom.DimseStatus;
import org.imagingexchange.dicom.InvalidDicomObjectException;
import org.imagingexchange.dicom.PersonName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The Part 10 reader on pydicom's character set and broken sample files (expected names from its FileInfo.txt). */
class PixelMedPart10ReaderTest {

    private final PixelMedPart10Reader reader = new PixelMedPart10Reader();

    private DicomDataset header(Path file) throws Exception {
        try (InputStream in = Files.newInputStream(file)) {
            return reader.readHeader(in);
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "chrArab.dcm      | قباني^لنزار",
            "chrFren.dcm      | Buc^Jérôme",
            "chrGerm.dcm      | Äneas^Rüdiger",
            "chrGreek.dcm     | Διονυσιος",
            "chrH31.dcm       | Yamada^Tarou=山田^太郎=やまだ^たろう",
            "chrH32.dcm       | ﾔﾏﾀﾞ^ﾀﾛｳ=山田^太郎=やまだ^たろう",
            "chrHbrw.dcm      | שרון^דבורה",
            "chrI2.dcm        | Hong^Gildong=洪^吉洞=홍^길동",
            "chrRuss.dcm      | Люкceмбypг",
            "chrX1.dcm        | Wang^XiaoDong=王^小東",
            "chrX2.dcm        | Wang^XiaoDong=王^小东"})
    void readHeader_specificCharacterSet_decodedToUnicode(String file, String expected) throws Exception {
        DicomDataset d = header(Samples.charsets().resolve(file));
        PersonName name = d.getPersonName(DicomAttribute.PATIENT_NAME).orElseThrow();
        assertEquals(PersonName.parse(expected), name, () -> file + " Patient's Name");
    }

    @Test
    void readHeader_stopsBeforePixelData() throws Exception {
        DicomDataset d = header(Samples.demo("CT_small.dcm"));
        assertFalse(d.contains(DicomAttribute.PIXEL_DATA.tag()), "pixel data never read into the header");
        assertEquals("1.2.840.10008.1.2.1", d.getString(DicomAttribute.TRANSFER_SYNTAX_UID), "file meta included");
        assertEquals(128L, d.get(DicomAttribute.ROWS).orElseThrow().values().get(0), "numbers decoded");
    }

    @ParameterizedTest
    @ValueSource(strings = {"JPEG2000.dcm", "jpeg_baseline_8bit.dcm", "SC_rgb_rle.dcm", "jpeg_ls.dcm", "image_dfl.dcm",
            "explicit_big.dcm", "US-PAL-8-10x-echo.dcm", "rtdose.dcm"})
    void readVerified_completeSample_headerWithoutPixels(String file) throws Exception {
        DicomDataset d = reader.readVerified(Samples.demo(file));
        assertFalse(d.contains(DicomAttribute.PIXEL_DATA.tag()));
        assertEquals(true, d.getString(DicomAttribute.SOP_INSTANCE_UID) != null, file);
    }

    @ParameterizedTest
    @ValueSource(strings = {"MR_truncated.dcm", "rtplan_truncated.dcm", "no_meta.dcm"})
    void readVerified_truncatedOrMalformed_cannotUnderstand(String file) {
        InvalidDicomObjectException e = assertThrows(InvalidDicomObjectException.class,
                () -> reader.readVerified(Samples.broken().resolve(file)));
        assertEquals(DimseStatus.UNABLE_TO_PROCESS, e.status(), e::getMessage);
    }

    @Test
    void readVerified_noSopIdentifiers_dataSetDoesNotMatch() {
        InvalidDicomObjectException e = assertThrows(InvalidDicomObjectException.class,
                () -> reader.readVerified(Samples.broken().resolve("empty_charset_LEI.dcm")));
        assertEquals(DimseStatus.IDENTIFIER_DOES_NOT_MATCH_SOP_CLASS, e.status(), e::getMessage);
    }

    @Test
    void readHeader_sequenceWithOwnCharacterSet_itemsDecoded() throws Exception {
        DicomDataset d = header(Samples.charsets().resolve("chrSQEncoding.dcm"));
        String text = d.toString();
        assertEquals(true, text.contains("やまだ") || text.contains("山田"), () -> "Japanese text in the item: " + text);
    }
}
