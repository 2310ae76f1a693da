package org.imagingexchange.reports.api.hl7v2;

import ca.uhn.hl7v2.ErrorCode;
import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.Location;

/**
 * One finding about a received HL7 v2 message, as it goes into an ERR segment of the acknowledgement
 * (HL7 v2.5.1 §2.15.5: ERR-2 error location, ERR-3 HL7 error code of table 0357, ERR-8 user message).
 *
 * @param segment    segment id, e.g. {@code PID}, {@code OBR}
 * @param repetition 1-based repetition of the segment in the message (1 when there is one)
 * @param field      1-based field sequence, e.g. 3 for PID-3; 0 when the segment as a whole is meant
 * @param code       HL7 table 0357 error code, e.g. {@link ErrorCode#REQUIRED_FIELD_MISSING} (101)
 * @param text       what was wrong, in English, naming the eHN element where one is concerned
 */
public record V2Error(String segment, int repetition, int field, ErrorCode code, String text) {

    /** @return a field-level finding in the first repetition of the segment */
    public static V2Error of(String segment, int field, ErrorCode code, String text) {
        return new V2Error(segment, 1, field, code, text);
    }

    /** @return {@code PID-3}-style name of the location ({@code OBR} when no field) */
    public String locationName() {
        return field > 0 ? segment + "-" + field : segment;
    }

    /** @return the finding as the HAPI exception that fills an ERR segment */
    HL7Exception toException() {
        HL7Exception e = new HL7Exception(locationName() + ": " + text, code);
        Location location = new Location().withSegmentName(segment).withSegmentRepetition(repetition);
        if (field > 0) {
            location = location.withField(field);
        }
        e.setLocation(location);
        return e;
    }
}
