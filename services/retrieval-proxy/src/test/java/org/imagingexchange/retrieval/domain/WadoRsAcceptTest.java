package org.imagingexchange.retrieval.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class WadoRsAcceptTest {

    @Test
    void upstream_noAccept_defaultsToMultipartDicomAnyTransferSyntax() {
        assertEquals("multipart/related; type=\"application/dicom\"; transfer-syntax=*", WadoRsAccept.upstream(null, false));
        assertEquals(WadoRsAccept.DEFAULT_INSTANCES, WadoRsAccept.upstream("  ", false));
    }

    @Test
    void upstream_wildcardOnly_defaults() {
        assertEquals(WadoRsAccept.DEFAULT_INSTANCES, WadoRsAccept.upstream("*/*", false));
        assertEquals(WadoRsAccept.DEFAULT_INSTANCES, WadoRsAccept.upstream("*/*;q=0.8", false));
        assertEquals(WadoRsAccept.DEFAULT_METADATA, WadoRsAccept.upstream("*/*", true));
        assertEquals("application/dicom+json", WadoRsAccept.upstream(null, true));
    }

    @Test
    void upstream_explicitTransferSyntax_passesThroughUnchanged() {
        String accept = "multipart/related; type=\"application/dicom\"; transfer-syntax=1.2.840.10008.1.2.1";
        assertEquals(accept, WadoRsAccept.upstream(accept, false));
    }

    @Test
    void upstream_listWithWildcard_passesThroughUnchanged() {
        String accept = "multipart/related; type=\"application/dicom\", */*;q=0.1";
        assertEquals(accept, WadoRsAccept.upstream(accept, false));
    }

    @Test
    void upstream_metadataAsJson_passesThrough() {
        assertEquals("application/json", WadoRsAccept.upstream("application/json", true));
    }
}
