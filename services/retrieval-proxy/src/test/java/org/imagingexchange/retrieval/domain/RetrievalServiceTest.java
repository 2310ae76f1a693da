package org.imagingexchange.retrieval.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RetrievalServiceTest {

    private static final String STUDY = "1.2.3";
    private static final RetrieveTarget TARGET = new RetrieveTarget(STUDY, null, null, false);

    /** A source archive that answers per source id from a script and records the calls. */
    private static final class ScriptedArchive implements SourceArchive {
        final List<String> calls = new ArrayList<>();
        final List<String> accepts = new ArrayList<>();

        @Override
        public RetrievedBody open(StudyEndpoint endpoint, RetrieveTarget target, String accept) {
            calls.add(endpoint.sourceId());
            accepts.add(accept);
            return switch (endpoint.sourceId()) {
                case "down" -> throw new SourceArchiveUnavailableException("down", "cannot be reached.", null);
                case "missing" -> throw new DicomObjectNotFoundException(target, "missing");
                default -> new RetrievedBody(endpoint.sourceId(), "application/dicom+json", 2,
                        new ByteArrayInputStream(new byte[] {'[', ']'}));
            };
        }
    }

    /** Records the studies the service asks to forget. */
    private static final class RecordingLocator implements StudyLocator {
        final List<String> forgotten = new ArrayList<>();

        @Override
        public StudyLocation locate(String studyInstanceUid) {
            throw new UnsupportedOperationException("the retrieval service is handed the location");
        }

        @Override
        public void forget(String studyInstanceUid) {
            forgotten.add(studyInstanceUid);
        }
    }

    private static RetrievalService service(ScriptedArchive archive) {
        return service(archive, new RecordingLocator());
    }

    private static RetrievalService service(ScriptedArchive archive, RecordingLocator locator) {
        RetrievalService s = new RetrievalService();
        s.sourceArchive = archive;
        s.dimseArchive = (endpoint, target, accept) -> new RetrievedBody("dimse:" + endpoint.sourceId(),
                "multipart/related; type=\"application/dicom\"; boundary=b", -1, new ByteArrayInputStream(new byte[0]));
        s.locator = locator;
        return s;
    }

    @Test
    void open_everySourceDown_locationForgotten() {
        RecordingLocator locator = new RecordingLocator();
        assertThrows(SourceArchiveUnavailableException.class,
                () -> service(new ScriptedArchive(), locator).open(location("down"), TARGET, null));
        assertEquals(List.of(STUDY), locator.forgotten, "a location no source can serve is asked for again next time");
    }

    @Test
    void open_notFoundAtSource_locationForgotten() {
        RecordingLocator locator = new RecordingLocator();
        assertThrows(DicomObjectNotFoundException.class,
                () -> service(new ScriptedArchive(), locator).open(location("missing"), TARGET, null));
        assertEquals(List.of(STUDY), locator.forgotten);
    }

    @Test
    void open_served_locationKept() {
        RecordingLocator locator = new RecordingLocator();
        service(new ScriptedArchive(), locator).open(location("ok"), TARGET, null);
        assertEquals(List.of(), locator.forgotten);
    }

    private static StudyLocation location(String... sources) {
        List<StudyEndpoint> endpoints = new ArrayList<>();
        for (String s : sources) {
            endpoints.add(new StudyEndpoint(s, "http://127.0.0.1:1/" + s));
        }
        return new StudyLocation(STUDY, "P1", "", "hospital-a", endpoints);
    }

    @Test
    void open_firstSourceDown_failsOverToNext() {
        ScriptedArchive archive = new ScriptedArchive();
        RetrievedBody body = service(archive).open(location("down", "ok"), TARGET, null);
        assertEquals("ok", body.sourceId());
        assertEquals(List.of("down", "ok"), archive.calls);
    }

    @Test
    void open_notFoundAtFirstSource_isTheAnswerWithoutFailover() {
        ScriptedArchive archive = new ScriptedArchive();
        assertThrows(DicomObjectNotFoundException.class, () -> service(archive).open(location("missing", "ok"), TARGET, null));
        assertEquals(List.of("missing"), archive.calls);
    }

    @Test
    void open_allSourcesDown_throwsLastUnavailability() {
        ScriptedArchive archive = new ScriptedArchive();
        SourceArchiveUnavailableException e = assertThrows(SourceArchiveUnavailableException.class,
                () -> service(archive).open(location("down", "down"), TARGET, null));
        assertEquals(502, e.status());
        assertEquals("down", e.sourceId());
    }

    @Test
    void open_noEndpoints_throws502() {
        assertThrows(SourceArchiveUnavailableException.class,
                () -> service(new ScriptedArchive()).open(location(), TARGET, null));
    }

    @Test
    void open_clientSentNoAccept_sourceGetsWadoRsDefault() {
        ScriptedArchive archive = new ScriptedArchive();
        service(archive).open(location("ok"), TARGET, null);
        assertSame(WadoRsAccept.DEFAULT_INSTANCES, archive.accepts.get(0));
    }

    @Test
    void open_dicomAddress_goesToTheDimseArchive() {
        ScriptedArchive archive = new ScriptedArchive();
        RetrievedBody body = service(archive).open(new StudyLocation(STUDY, "p", "", "org-a",
                List.of(new StudyEndpoint("legacy", "dicom://LEGACY_PACS@127.0.0.1:4243"))), TARGET, null);
        assertEquals("dimse:legacy", body.sourceId(), "a dicom:// endpoint is retrieved by C-GET");
        assertEquals(List.of(), archive.calls, "the WADO-RS archive is not asked");
    }
}
