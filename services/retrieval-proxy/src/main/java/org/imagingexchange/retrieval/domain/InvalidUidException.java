package org.imagingexchange.retrieval.domain;

import java.util.List;
import org.imagingexchange.kit.problem.ProblemException;

/** A path parameter is not a DICOM UID (PS3.5 §9.1): HTTP 400, naming the parameter. */
public class InvalidUidException extends ProblemException {

    /** Longest part of the rejected value echoed back, so a huge input is not mirrored. */
    private static final int ECHO_LIMIT = 80;

    /**
     * @param parameter name of the parameter, e.g. {@code study}
     * @param value     the rejected value; may be null
     */
    public InvalidUidException(String parameter, String value) {
        super("invalid-uid", 400, "Invalid DICOM UID",
                "Parameter '" + parameter + "' is not a DICOM UID (PS3.5 §9.1: digits and dots, at most 64 "
                        + "characters, no leading zeros): '" + echo(value) + "'",
                List.of(new Issue(parameter, "not a DICOM UID (PS3.5 §9.1)")), null);
    }

    private static String echo(String value) {
        if (value == null) {
            return "";
        }
        String printable = value.replaceAll("[^\\x20-\\x7E]", "?");
        return printable.length() <= ECHO_LIMIT ? printable : printable.substring(0, ECHO_LIMIT) + "...";
    }
}
