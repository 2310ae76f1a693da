package org.imagingexchange.retrieval.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import org.imagingexchange.dicom.DicomAttribute;
import org.imagingexchange.dicom.DimseStatus;
import org.imagingexchange.dicom.net.CGetScu;
import org.imagingexchange.dicom.net.DimseException;
import org.imagingexchange.dicom.net.DimseTransportException;
import org.imagingexchange.dicom.net.ReceivedInstance;
import org.imagingexchange.dicom.net.TransferResult;
import org.imagingexchange.kit.problem.ProblemException;
import org.imagingexchange.retrieval.domain.DicomObjectNotFoundException;
import org.imagingexchange.retrieval.domain.NotAcceptableAtSourceException;
import org.imagingexchange.retrieval.domain.RetrieveTarget;
import org.imagingexchange.retrieval.domain.RetrievedBody;
import org.imagingexchange.retrieval.domain.StudyEndpoint;
import org.imagingexchange.retrieval.domain.WadoRsAccept;
import org.imagingexchange.testsupport.MultipartRelatedReader;
import org.junit.jupiter.api.Test;

/** The DIMSE outcomes of a C-GET and what the proxy makes of each (the real association: CGetSourceArchiveIT). */
class CGetSourceArchiveTest {

    private static final StudyEndpoint LEGACY = new StudyEndpoint("legacy", "dicom://LEGACY_PACS@127.0.0.1:4243");
    private static final RetrieveTarget STUDY = new RetrieveTarget("1.2.3", null, null, false);
    private static final String CT = "1.2.840.10008.5.1.4.1.1.2";
    private static final String EXPLICIT_LE = "1.2.840.10008.1.2.1";

    private static CGetSourceArchive archive(CGetScu scu, Duration firstByte) {
        return new CGetSourceArchive(scu, (r, m, keys, onMatch) -> {
            onMatch.accept(keys);
            return DimseStatus.SUCCESS;
        }, Executors.newCachedThreadPool(), firstByte, 4096, new RetrievalMetrics());
    }

    private static ProblemException problemOf(CGetScu scu) {
        return assertThrows(ProblemException.class,
                () -> archive(scu, Duration.ofSeconds(5)).open(LEGACY, STUDY, WadoRsAccept.DEFAULT_INSTANCES));
    }

    private static ReceivedInstance instance(String sop, int size) {
        return new ReceivedInstance(CT, sop, EXPLICIT_LE, new ByteArrayInputStream(new byte[size]));
    }

    /** Hands an instance on as the adapter does: a consumer's IOException counts as a failed sub-operation. */
    private static void deliver(CGetScu.InstanceConsumer onInstance, ReceivedInstance instance) {
        try {
            onInstance.accept(instance);
        } catch (IOException e) {
            throw new AssertionError("the pipe refused an instance", e);
        }
    }

    @Test
    void open_twoInstances_streamsBothAsParts() throws Exception {
        CGetScu scu = (remote, model, keys, onInstance) -> {
            assertEquals("LEGACY_PACS", remote.aeTitle().value());
            assertEquals("STUDY", keys.getString(DicomAttribute.QUERY_RETRIEVE_LEVEL));
            deliver(onInstance, instance("1.2.3.4.1", 10_000));
            deliver(onInstance, instance("1.2.3.4.2", 3));
            return new TransferResult(DimseStatus.SUCCESS, 2, 0, 0);
        };
        try (RetrievedBody body = archive(scu, Duration.ofSeconds(5)).open(LEGACY, STUDY, WadoRsAccept.DEFAULT_INSTANCES)) {
            var parts = MultipartRelatedReader.readAll(body.body(), body.contentType());
            assertEquals(2, parts.size());
            assertEquals(10_000, parts.get(0).content().length);
            assertEquals(-1, body.contentLength(), "length unknown before the end");
        }
    }

    @Test
    void open_noAssociation_is502() {
        ProblemException p = problemOf((r, m, k, c) -> {
            throw new DimseTransportException("connection refused", null);
        });
        assertEquals(502, p.status());
        assertTrue(p.detail().contains("'legacy'"), p.detail());
    }

    @Test
    void open_failureStatusA702_is502NamingTheStatus() {
        ProblemException p = problemOf((r, m, k, c) -> {
            throw new DimseException(DimseStatus.REFUSED_OUT_OF_RESOURCES_SUB_OPERATIONS, "out of resources");
        });
        assertEquals(502, p.status());
        assertTrue(p.detail().contains("A702"), p.detail());
    }

    @Test
    void open_noInstanceInTime_is504() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CGetScu silent = (r, m, k, c) -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return new TransferResult(DimseStatus.SUCCESS, 0, 0, 0);
        };
        try {
            ProblemException p = assertThrows(ProblemException.class, () -> archive(silent, Duration.ofMillis(300))
                    .open(LEGACY, STUDY, WadoRsAccept.DEFAULT_INSTANCES));
            assertEquals(504, p.status());
        } finally {
            release.countDown();
        }
    }

    @Test
    void open_failureStatusForATargetNoCFindMatches_is404() {
        CGetScu failing = (r, m, k, c) -> {
            throw new DimseException(DimseStatus.UNABLE_TO_PROCESS, "cannot locate");
        };
        CGetSourceArchive archive = new CGetSourceArchive(failing, (r, m, keys, onMatch) -> DimseStatus.SUCCESS,
                Executors.newCachedThreadPool(), Duration.ofSeconds(5), 4096, new RetrievalMetrics());
        assertThrows(DicomObjectNotFoundException.class, () -> archive.open(LEGACY, STUDY, WadoRsAccept.DEFAULT_INSTANCES));
    }

    @Test
    void open_successWithoutInstances_is404() {
        assertThrows(DicomObjectNotFoundException.class, () -> archive((r, m, k, c) ->
                new TransferResult(DimseStatus.SUCCESS, 0, 0, 0), Duration.ofSeconds(5))
                .open(LEGACY, STUDY, WadoRsAccept.DEFAULT_INSTANCES));
    }

    @Test
    void open_associationLostAfterFirstInstance_bodyReadThrows() throws Exception {
        CGetScu scu = (r, m, k, onInstance) -> {
            deliver(onInstance, instance("1.2.3.4.1", 100));
            throw new DimseTransportException("A-ABORT", null);
        };
        try (RetrievedBody body = archive(scu, Duration.ofSeconds(5)).open(LEGACY, STUDY, WadoRsAccept.DEFAULT_INSTANCES)) {
            assertThrows(IOException.class, () -> body.body().readAllBytes(), "the response is cut off, never complete");
        }
    }

    @Test
    void open_failedSubOperations_bodyReadThrows() throws Exception {
        CGetScu scu = (r, m, k, onInstance) -> {
            deliver(onInstance, instance("1.2.3.4.1", 100));
            return new TransferResult(DimseStatus.SUB_OPERATIONS_COMPLETE_WITH_FAILURES, 1, 1, 0);
        };
        try (RetrievedBody body = archive(scu, Duration.ofSeconds(5)).open(LEGACY, STUDY, WadoRsAccept.DEFAULT_INSTANCES)) {
            assertThrows(IOException.class, () -> body.body().readAllBytes(), "an incomplete study is cut off");
        }
    }

    @Test
    void open_metadataOrSpecificTransferSyntax_is406() {
        CGetScu never = (r, m, k, c) -> {
            throw new AssertionError("no C-GET for an unacceptable request");
        };
        assertThrows(NotAcceptableAtSourceException.class, () -> archive(never, Duration.ofSeconds(1))
                .open(LEGACY, new RetrieveTarget("1.2.3", null, null, true), WadoRsAccept.DEFAULT_METADATA));
        assertThrows(NotAcceptableAtSourceException.class, () -> archive(never, Duration.ofSeconds(1)).open(LEGACY, STUDY,
                "multipart/related; type=\"application/dicom\"; transfer-syntax=1.2.840.10008.1.2.4.50"));
    }

    @Test
    void acceptable_mediaRanges() {
        assertTrue(CGetSourceArchive.acceptable(WadoRsAccept.DEFAULT_INSTANCES));
        assertTrue(CGetSourceArchive.acceptable("multipart/related; type=application/dicom"));
        assertTrue(CGetSourceArchive.acceptable("text/html, multipart/related; type=\"application/dicom\""));
        assertFalse(CGetSourceArchive.acceptable("multipart/related; type=\"application/octet-stream\""));
        assertFalse(CGetSourceArchive.acceptable("multipart/related; type=\"application/dicom\"; q=0"));
        assertFalse(CGetSourceArchive.acceptable("application/dicom+json"));
    }

    @Test
    void identifier_instanceLevel_carriesEveryUniqueKey() {
        var keys = CGetSourceArchive.identifier(new RetrieveTarget("1.2.3", "1.2.3.4", "1.2.3.4.5", false));
        assertEquals("IMAGE", keys.getString(DicomAttribute.QUERY_RETRIEVE_LEVEL));
        assertEquals("1.2.3", keys.getString(DicomAttribute.STUDY_INSTANCE_UID));
        assertEquals("1.2.3.4", keys.getString(DicomAttribute.SERIES_INSTANCE_UID));
        assertEquals("1.2.3.4.5", keys.getString(DicomAttribute.SOP_INSTANCE_UID));
        assertEquals("SERIES", CGetSourceArchive.identifier(new RetrieveTarget("1.2.3", "1.2.3.4", null, false))
                .getString(DicomAttribute.QUERY_RETRIEVE_LEVEL));
    }
}
