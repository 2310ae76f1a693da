package org.imagingexchange.reports.api.hl7v2;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * ORU^R01 test messages built from the HL7 v2.5.1 segment structure (MSH, PID, ORC, OBR, OBX...; ZDS of
 * IHE RAD Scheduled Workflow) for the demo patient 1CT1 and the Study Instance UID of the sample CT
 * (pydicom's CT_small). No personal data: names are the sample's own placeholders. Each change returns a
 * new message, fields addressed as in the standard ({@code OBR-25}).
 */
final class OruMessages {

    /** Study Instance UID of the demo CT of patient 1CT1. */
    static final String STUDY_UID = "1.3.6.1.4.1.5962.1.2.1.20040119072730.12322";
    /** ISO OID of the demo hospital's patient id assigning authority (a 2.25 UUID-derived OID). */
    static final String AUTHORITY_OID = "2.25.158129823491212867129281234599812345";
    static final String PDF_BASE64 = "JVBERi0xLjQKJcOkw7zDtsOfCjEgMCBvYmoKPDwvVHlwZS9DYXRhbG9nPj4KZW5kb2JqCnRyYWlsZXIKPDwvUm9vdCAxIDAgUj4+CiUlRU9GCg==";

    private final List<String> segments;

    private OruMessages(List<String> segments) {
        this.segments = segments;
    }

    /** @return a complete final CT report, HL7 v2.5.1, control id {@code controlId} */
    static OruMessages ctReport(String controlId) {
        return new OruMessages(List.of(
                "MSH|^~\\&|RIS_A|HOSPITAL_A|IMAGING_EXCHANGE|REGION|20261202101500||ORU^R01^ORU_R01|" + controlId + "|P|2.5.1",
                "PID|1||1CT1^^^HOSPITAL_A&" + AUTHORITY_OID + "&ISO^MR||CompressedSamples^CT1||19700101|O",
                "ORC|RE|PLC-1001^RIS_A|FIL-2001^RIS_A||CM",
                "OBR|1|PLC-1001^RIS_A|FIL-2001^RIS_A|24627-2^CT Chest^LN|||20040119072730|||||||||||ACC-3001||||20261202101400+0100||CT|F|||||||4711&Radiologist&Anna",
                "OBX|1|TX|24627-2&GDT^Findings^LN|1|No focal consolidation.~No pleural effusion.||||||F",
                "OBX|2|TX|24627-2&IMP^Impression^LN|1|No acute cardiopulmonary abnormality.||||||F",
                "OBX|3|TX|24627-2&REC^Recommendation^LN|1|No follow-up imaging needed.||||||F",
                "OBX|4|ED|24627-2&PDF^Report as issued^LN|1|RIS_A^AP^PDF^Base64^" + PDF_BASE64 + "||||||F",
                "OBX|5|ST|113014^Study^DCM|1|" + STUDY_UID + "||||||F"));
    }

    /**
     * @param field e.g. {@code OBR-25} or {@code MSH-12} (MSH counted as the standard does: MSH-1 is the separator)
     * @param value the new field value (raw ER7)
     * @return a copy with the field of the first such segment set
     */
    OruMessages with(String field, String value) {
        String segment = field.substring(0, 3);
        int seq = Integer.parseInt(field.substring(4));
        List<String> copy = new ArrayList<>(segments);
        for (int i = 0; i < copy.size(); i++) {
            if (copy.get(i).startsWith(segment + "|")) {
                List<String> fields = new ArrayList<>(Arrays.asList(copy.get(i).split("\\|", -1)));
                int index = segment.equals("MSH") ? seq - 1 : seq;
                while (fields.size() <= index) {
                    fields.add("");
                }
                fields.set(index, value);
                copy.set(i, String.join("|", fields));
                return new OruMessages(copy);
            }
        }
        throw new IllegalArgumentException("no " + segment + " segment");
    }

    /** @return a copy without the segments starting with the prefix (e.g. {@code OBX|5|}) */
    OruMessages without(String prefix) {
        return new OruMessages(segments.stream().filter(s -> !s.startsWith(prefix)).toList());
    }

    /** @return a copy with one more segment at the end */
    OruMessages plus(String segment) {
        List<String> copy = new ArrayList<>(segments);
        copy.add(segment);
        return new OruMessages(copy);
    }

    /** @return the ER7 text, segments ended by CR */
    String er7() {
        return String.join("\r", segments) + "\r";
    }
}
