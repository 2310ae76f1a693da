package org.imagingexchange.kit.web;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RequestLimitsTest {

    @ParameterizedTest
    @ValueSource(strings = {"application/fhir+json", "*/*", "application/dicom+json, */*;q=0.5",
            "multipart/related; type=\"application/dicom\"; transfer-syntax=*", "text/html, image/gif, image/jpeg, *; q=.2, */*; q=.2",
            "application/json,", "", "application/json;q=1, */*;q=0", "a/b;q=0.001", "a/b; Q=1.000", "a/b;q=0."})
    void isMediaRangeList_validAcceptHeaders_true(String accept) {
        assertTrue(RequestLimits.isMediaRangeList(accept), accept);
    }

    @ParameterizedTest
    @ValueSource(strings = {"!!!@@@", "json", "application/", "/json", "text/html; q", "a/b; x=\"unterminated", "a/b c/d",
            "application/json;q=abc", "application/dicom+json;q=abc", "*/*;q=0.x", "a/b;q=2", "a/b;q=-1", "a/b;q=1.5",
            "a/b;q=0.0001", "a/b;q=\"0.5\"", "a/b;q="})
    void isMediaRangeList_malformedAcceptHeaders_false(String accept) {
        assertFalse(RequestLimits.isMediaRangeList(accept), accept);
    }
}
