package org.imagingexchange.dicom.pixelmed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pixelmed.network.AssociationFactory;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.imagingexchange.dicom.AeTitle;
import org.imagingexchange.dicom.DicomAttribute;
import org.imagingexchange.dicom.DicomDataset;
import org.imagingexchange.dicom.net.DimseTimeoutException;
import org.imagingexchange.dicom.net.DimseTransportException;
import org.imagingexchange.dicom.net.QueryRetrieveModel;
import org.imagingexchange.dicom.net.RemoteAe;
import org.imagingexchange.testsupport.SilentPeer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The SCU's read timeout against real misbehaving peers on loopback: one that accepts the TCP connection and
 * never answers (no A-ASSOCIATE-AC), one that accepts the association (PixelMed's association acceptor) and then
 * never answers a request. Each must end in a {@link DimseTimeoutException} instead of a hang; a refused connect
 * stays a plain transport failure. Read timeout 1 s.
 */
@Timeout(60) // hang guard only: without a read timeout these calls would never return
class ReadTimeoutTest {

    private static final Duration READ_TIMEOUT = Duration.ofSeconds(1);
    private static final AeTitle STALLED = new AeTitle("STALLED");

    private final PixelMedDimseScu scu = new PixelMedDimseScu(new AeTitle("EXCHANGE"), READ_TIMEOUT);
    private final List<AutoCloseable> peers = new CopyOnWriteArrayList<>();

    @AfterEach
    void stopPeers() throws Exception {
        for (AutoCloseable peer : peers) {
            peer.close();
        }
    }

    @Test
    void echo_peerNeverAnswersAssociateRequest_timesOut() throws IOException {
        RemoteAe peer = stalledPeer(false);
        DimseTimeoutException e = assertThrows(DimseTimeoutException.class, () -> scu.echo(peer));
        assertTrue(e.getMessage().contains("STALLED@127.0.0.1:" + peer.port()), e.getMessage());
    }

    @Test
    void find_peerNeverAnswersAssociateRequest_timesOut() throws IOException {
        RemoteAe peer = stalledPeer(false);
        assertThrows(DimseTimeoutException.class, () -> scu.find(peer, QueryRetrieveModel.STUDY_ROOT,
                studyKeys(), m -> { }));
    }

    @Test
    void find_peerAcceptsAssociationThenNeverAnswers_timesOut() throws IOException {
        RemoteAe peer = stalledPeer(true);
        List<DicomDataset> matches = new CopyOnWriteArrayList<>();
        assertThrows(DimseTimeoutException.class, () -> scu.find(peer, QueryRetrieveModel.STUDY_ROOT,
                studyKeys(), matches::add));
        assertTrue(matches.isEmpty());
    }

    @Test
    void get_peerAcceptsAssociationThenNeverAnswersTheCGet_timesOut() throws IOException {
        RemoteAe peer = stalledPeer(true);
        // Patient level without Study Instance UID: no preceding C-FIND, the C-GET itself is what stalls.
        DicomDataset keys = new DicomDataset().putString(DicomAttribute.QUERY_RETRIEVE_LEVEL, "PATIENT")
                .putString(DicomAttribute.PATIENT_ID, "STALL-1");
        int[] delivered = {0};
        assertThrows(DimseTimeoutException.class, () -> scu.get(peer, QueryRetrieveModel.PATIENT_ROOT, keys,
                instance -> delivered[0]++));
        assertEquals(0, delivered[0]);
    }

    @Test
    void get_studyFromPeerNeverAnsweringAssociateRequest_timesOut() throws IOException {
        RemoteAe peer = stalledPeer(false);
        assertThrows(DimseTimeoutException.class, () -> scu.get(peer, QueryRetrieveModel.STUDY_ROOT, studyKeys(),
                instance -> { }));
    }

    @Test
    void move_peerAcceptsAssociationThenNeverAnswers_timesOut() throws IOException {
        RemoteAe peer = stalledPeer(true);
        assertThrows(DimseTimeoutException.class, () -> scu.move(peer, QueryRetrieveModel.STUDY_ROOT, studyKeys(),
                new AeTitle("STORESCP")));
    }

    @Test
    void echo_connectionRefused_isTransportFailureNotTimeout() throws IOException {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        RemoteAe peer = new RemoteAe(STALLED, "127.0.0.1", closedPort);
        DimseTransportException e = assertThrows(DimseTransportException.class, () -> scu.echo(peer));
        assertFalse(e instanceof DimseTimeoutException, e.getMessage());
        assertTrue(e.getMessage().contains("unreachable"), e.getMessage());
    }

    @Test
    void constructor_nonPositiveTimeout_rejected() {
        assertThrows(IllegalArgumentException.class, () -> new PixelMedDimseScu(new AeTitle("EXCHANGE"), Duration.ZERO));
    }

    private static DicomDataset studyKeys() {
        return new DicomDataset().putString(DicomAttribute.QUERY_RETRIEVE_LEVEL, "STUDY")
                .putString(DicomAttribute.STUDY_INSTANCE_UID, "1.2.826.0.1.3680043.2.1125.1.1");
    }

    /**
     * A peer on an ephemeral loopback port that takes in everything sent to it and answers nothing, after
     * accepting the association when asked to (PixelMed's acceptor: A-ASSOCIATE-AC with the proposed
     * Query/Retrieve and storage contexts).
     */
    private RemoteAe stalledPeer(boolean acceptAssociation) throws IOException {
        SilentPeer peer = acceptAssociation
                ? SilentPeer.start(s -> AssociationFactory.createNewAssociation(s, STALLED.value()))
                : SilentPeer.start();
        peers.add(peer);
        return new RemoteAe(STALLED, "127.0.0.1", peer.port());
    }
}
