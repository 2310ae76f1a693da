package org.imagingexchange.retrieval.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class RetrieveTargetTest {

    private static final String STUDY = "1.3.6.1.4.1.5962.1.2.1.20040119072730.12322";
    private static final String SERIES = "1.3.6.1.4.1.5962.1.3.1.1.20040119072730.12322";
    private static final String INSTANCE = "1.3.6.1.4.1.5962.1.1.1.1.1.20040119072730.12322";

    @Test
    void path_eachLevel_matchesPs318Table10_4_1_1() {
        assertEquals("/studies/" + STUDY, new RetrieveTarget(STUDY, null, null, false).path());
        assertEquals("/studies/" + STUDY + "/series/" + SERIES, new RetrieveTarget(STUDY, SERIES, null, false).path());
        assertEquals("/studies/" + STUDY + "/series/" + SERIES + "/instances/" + INSTANCE,
                new RetrieveTarget(STUDY, SERIES, INSTANCE, false).path());
        assertEquals("/studies/" + STUDY + "/metadata", new RetrieveTarget(STUDY, null, null, true).path());
        assertEquals("/studies/" + STUDY + "/series/" + SERIES + "/metadata",
                new RetrieveTarget(STUDY, SERIES, null, true).path());
        assertEquals("/studies/" + STUDY + "/series/" + SERIES + "/instances/" + INSTANCE + "/metadata",
                new RetrieveTarget(STUDY, SERIES, INSTANCE, true).path());
    }

    @Test
    void resolveAgainst_baseWithContextPath_appendsResourcePath() {
        RetrieveTarget t = new RetrieveTarget(STUDY, SERIES, null, false);
        assertEquals("http://127.0.0.1:18042/dicom-web/studies/" + STUDY + "/series/" + SERIES,
                t.resolveAgainst("http://127.0.0.1:18042/dicom-web").toString());
    }

    @Test
    void resolveAgainst_trailingSlashes_ignored() {
        RetrieveTarget t = new RetrieveTarget(STUDY, null, null, true);
        assertEquals("https://pacs.example/wado/studies/" + STUDY + "/metadata",
                t.resolveAgainst("https://pacs.example/wado//").toString());
    }

    @Test
    void resolveAgainst_notHttp_throws() {
        RetrieveTarget t = new RetrieveTarget(STUDY, null, null, false);
        assertThrows(IllegalArgumentException.class, () -> t.resolveAgainst("file:///etc/dicom-web"));
        assertThrows(IllegalArgumentException.class, () -> t.resolveAgainst("dicom-web"));
        assertThrows(IllegalArgumentException.class, () -> t.resolveAgainst("http://pacs/dicom-web?x=1"));
        assertThrows(IllegalArgumentException.class, () -> t.resolveAgainst(" "));
        assertThrows(IllegalArgumentException.class, () -> t.resolveAgainst(null));
    }

    @Test
    void new_invalidSeries_throwsNamingSeries() {
        InvalidUidException e = assertThrows(InvalidUidException.class,
                () -> new RetrieveTarget(STUDY, "1.2.03", null, false));
        assertEquals("series", e.issues().get(0).location());
    }

    @Test
    void new_invalidInstance_throwsNamingInstance() {
        InvalidUidException e = assertThrows(InvalidUidException.class,
                () -> new RetrieveTarget(STUDY, SERIES, "abc", false));
        assertEquals("instance", e.issues().get(0).location());
    }

    @Test
    void new_invalidStudy_throwsNamingStudy() {
        InvalidUidException e = assertThrows(InvalidUidException.class,
                () -> new RetrieveTarget("not-a-uid", null, null, false));
        assertEquals("study", e.issues().get(0).location());
    }

    @Test
    void description_instanceMetadata_namesLevelAndUids() {
        assertEquals("WADO-RS retrieve instance " + INSTANCE + " of series " + SERIES + " metadata",
                new RetrieveTarget(STUDY, SERIES, INSTANCE, true).description());
        assertEquals("WADO-RS retrieve study", new RetrieveTarget(STUDY, null, null, false).description());
    }
}
