package org.imagingexchange.dicom.pixelmed;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeFactory;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.SequenceAttribute;
import com.pixelmed.dicom.SequenceItem;
import com.pixelmed.dicom.SpecificCharacterSet;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.imagingexchange.dicom.DicomDataset;
import org.imagingexchange.dicom.DicomElement;
import org.imagingexchange.dicom.PersonName;
import org.imagingexchange.dicom.Vr;

/**
 * Converts between PixelMed's {@code AttributeList} and the shared {@link DicomDataset}. Text comes
 * out decoded (PixelMed applies Specific Character Set while reading, PS3.5 §6.1); data sets going
 * out get Specific Character Set ISO_IR 192 (UTF-8) when any value is outside ASCII. Pixel data
 * (group 7FE0), AT values and binary values above {@link #MAX_INLINE_BINARY} bytes are not carried:
 * the header is what the platform indexes. Stateless.
 */
final class PixelMedAttributes {

    /** Largest binary value (OB, OW, UN, ...) kept inline in a header, in bytes. */
    static final int MAX_INLINE_BINARY = 4096;

    private PixelMedAttributes() {
    }

    /**
     * @param list a PixelMed attribute list, not modified
     * @return the equivalent data set, without pixel data
     * @throws DicomException when PixelMed cannot render a value
     */
    static DicomDataset toDataset(AttributeList list) throws DicomException {
        DicomDataset dataset = new DicomDataset();
        for (Object o : list.values()) {
            Attribute a = (Attribute) o;
            int tag = (a.getGroup() << 16) | a.getElement();
            Vr vr = vrOf(a);
            if (a.getGroup() == 0x7FE0 || vr == null || vr == Vr.AT) {
                continue;
            }
            DicomElement element = element(tag, vr, a);
            if (element != null) {
                dataset.put(element);
            }
        }
        return dataset;
    }

    private static DicomElement element(int tag, Vr vr, Attribute a) throws DicomException {
        if (a instanceof SequenceAttribute sq) {
            List<DicomDataset> items = new ArrayList<>();
            for (Iterator<SequenceItem> it = sq.iterator(); it.hasNext(); ) {
                items.add(toDataset(it.next().getAttributeList()));
            }
            return DicomElement.of(tag, Vr.SQ, items);
        }
        if (vr.isBinary()) {
            if (a.getVL() > MAX_INLINE_BINARY) {
                return null;
            }
            try {
                byte[] bytes = a.getVL() == 0 ? null : binary(a);
                return new DicomElement(tag, vr, List.of(), bytes, null);
            } catch (DicomException e) {
                // A binary value PixelMed cannot render as bytes (e.g. OF, OD) is left out of the header.
                return null;
            }
        }
        List<Object> values = new ArrayList<>();
        String[] texts = a.getVM() == 0 ? new String[0] : a.getStringValues();
        for (String text : texts) {
            values.add(value(vr, text));
        }
        return new DicomElement(tag, vr, values, null, null);
    }

    /** Binary value as little-endian bytes (PS3.18 F.2.7); PixelMed keeps OW values as shorts. */
    private static byte[] binary(Attribute a) throws DicomException {
        if (a instanceof com.pixelmed.dicom.OtherWordAttribute) {
            short[] words = a.getShortValues();
            java.nio.ByteBuffer buffer = java.nio.ByteBuffer.allocate(words.length * 2).order(java.nio.ByteOrder.LITTLE_ENDIAN);
            buffer.asShortBuffer().put(words);
            return buffer.array();
        }
        return a.getByteValues();
    }

    private static Object value(Vr vr, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        if (vr == Vr.PN) {
            return PersonName.parse(text.strip());
        }
        if (vr.isNumeric()) {
            try {
                BigDecimal n = new BigDecimal(text.strip());
                if (vr.isInteger()) {
                    return n.longValueExact();
                }
                return vr == Vr.DS ? n : (Object) n.doubleValue();
            } catch (ArithmeticException | NumberFormatException e) {
                // A malformed number in a header stays an empty value instead of failing the object.
                return null;
            }
        }
        return vr == Vr.UT || vr == Vr.LT || vr == Vr.ST ? stripTrailing(text) : text.strip();
    }

    private static String stripTrailing(String s) {
        return s.stripTrailing();
    }

    private static Vr vrOf(Attribute a) {
        byte[] vr = a.getVR();
        if (vr == null || vr.length != 2) {
            return null;
        }
        try {
            return Vr.valueOf(new String(vr, StandardCharsets.US_ASCII));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * Builds a PixelMed list from a data set (C-FIND identifiers and responses).
     *
     * @param dataset the data set
     * @return a new attribute list, with Specific Character Set set when values need it
     * @throws DicomException when PixelMed refuses a value for its VR
     */
    static AttributeList toAttributeList(DicomDataset dataset) throws DicomException {
        AttributeList list = build(dataset, new SpecificCharacterSet(new String[] {"ISO_IR 192"}));
        if (needsUtf8(dataset)) {
            list.remove(com.pixelmed.dicom.TagFromName.SpecificCharacterSet);
            Attribute cs = AttributeFactory.newAttribute(com.pixelmed.dicom.TagFromName.SpecificCharacterSet,
                    Vr.CS.name().getBytes(StandardCharsets.US_ASCII));
            cs.addValue("ISO_IR 192");
            list.put(cs);
        }
        return list;
    }

    private static AttributeList build(DicomDataset dataset, SpecificCharacterSet utf8) throws DicomException {
        AttributeList list = new AttributeList();
        for (DicomElement e : dataset.elements()) {
            AttributeTag tag = new AttributeTag(e.tag() >>> 16, e.tag() & 0xFFFF);
            byte[] vr = e.vr().name().getBytes(StandardCharsets.US_ASCII);
            if (e.vr() == Vr.SQ) {
                SequenceAttribute sq = new SequenceAttribute(tag);
                for (DicomDataset item : e.items()) {
                    sq.addItem(build(item, utf8));
                }
                list.put(sq);
                continue;
            }
            Attribute a = AttributeFactory.newAttribute(tag, vr, utf8);
            if (e.inlineBinary() != null) {
                a.setValues(e.inlineBinary(), false);
            } else {
                for (Object v : e.values()) {
                    a.addValue(v == null ? "" : v instanceof PersonName pn ? pn.toDicomString() : v.toString());
                }
            }
            list.put(a);
        }
        return list;
    }

    private static boolean needsUtf8(DicomDataset dataset) {
        for (DicomElement e : dataset.elements()) {
            for (Object v : e.values()) {
                if (v instanceof DicomDataset item ? needsUtf8(item) : v != null && !isAscii(v.toString())) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean isAscii(String s) {
        return s.chars().allMatch(c -> c < 0x80);
    }
}
