package org.imagingexchange.gateway.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import org.junit.jupiter.api.Test;

class UpstreamUriTest {

    private static final URI BASE = URI.create("http://127.0.0.1:9080/registry");

    @Test
    void of_wildcardsAndEscapes_keptByteForByte() {
        URI u = UpstreamUri.of(BASE, "/dicomweb/studies", "PatientName=SMI*&PatientID=1C%54?&includefield=00100010");

        assertEquals("http://127.0.0.1:9080/registry/dicomweb/studies?PatientName=SMI*&PatientID=1C%54?&includefield=00100010",
                u.toString());
        assertEquals("PatientName=SMI*&PatientID=1C%54?&includefield=00100010", u.getRawQuery());
    }

    @Test
    void of_charactersNotAllowedInUris_percentEncodedOnly() {
        URI u = UpstreamUri.of(URI.create("http://h/r/"), "/fhir/Consent", "patient:identifier=urn:oid:1.2|1CT1&n=Doe^John&x=%zz");

        assertEquals("patient:identifier=urn:oid:1.2%7C1CT1&n=Doe%5EJohn&x=%25zz", u.getRawQuery());
        assertEquals("/r/fhir/Consent", u.getRawPath(), "no double slash after a base ending in '/'");
    }

    @Test
    void of_nonAscii_encodedAsUtf8() {
        assertEquals("n=%C3%A9%F0%9F%98%80", UpstreamUri.of(BASE, "/fhir/x", "n=é\uD83D\uDE00").getRawQuery());
    }

    @Test
    void of_noQuery_noQuestionMark() {
        assertEquals("http://127.0.0.1:9080/registry/dicomweb/studies", UpstreamUri.of(BASE, "/dicomweb/studies", "").toString());
        assertEquals("http://127.0.0.1:9080/registry/dicomweb/studies", UpstreamUri.of(BASE, "/dicomweb/studies", null).toString());
    }
}
