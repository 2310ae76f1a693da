package org.imagingexchange.dicom.pixelmed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.imagingexchange.dicom.AeTitle;
import org.imagingexchange.dicom.DicomAttribute;
import org.imagingexchange.dicom.DicomDataset;
import org.imagingexchange.dicom.DimseStatus;
import org.imagingexchange.dicom.net.DimseScp;
import org.imagingexchange.dicom.net.DimseTimeoutException;
import org.imagingexchange.dicom.net.QueryRetrieveModel;
import org.imagingexchange.dicom.net.RemoteAe;
import org.imagingexchange.dicom.net.RetrievableInstance;
import org.imagingexchange.dicom.net.TransferResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The SCU's read timeout inside a C-GET, against the platform's PixelMed SCP on loopback whose C-GET handler
 * stalls: the timeout is a silence bound (an archive that stops sending in the middle of a study is cut off
 * after what it sent), not a bound on the whole retrieval (one that keeps sending, however slowly, is not).
 */
@Timeout(60) // hang guard only: without a read timeout the stalled C-GET would never return
class ScuReadTimeoutIT {

    private static final RemoteAe SCP = new RemoteAe(TestNode.EXCHANGE, "127.0.0.1", TestNode.scpPort());

    private static RetrievableInstance sample(String name) throws Exception {
        var file = Samples.demo(name);
        try (InputStream in = java.nio.file.Files.newInputStream(file)) {
            return TestNode.file(file, new PixelMedPart10Reader().readHeader(in).getString(DicomAttribute.SOP_INSTANCE_UID));
        }
    }

    private static DicomDataset study() {
        return new DicomDataset().putString(DicomAttribute.QUERY_RETRIEVE_LEVEL, "STUDY")
                .putString(DicomAttribute.STUDY_INSTANCE_UID, "1.2.826.0.1.3680043.2.1125.7.1");
    }

    /** An instance whose opening waits (the archive fetching it from slow storage). */
    private static RetrievableInstance slow(RetrievableInstance instance, CountDownLatch until, Duration atMost) {
        return new RetrievableInstance() {
            @Override
            public String sopInstanceUid() {
                return instance.sopInstanceUid();
            }

            @Override
            public InputStream open() throws IOException {
                try {
                    until.await(atMost.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return instance.open();
            }

            @Override
            public void close() {
                instance.close();
            }
        };
    }

    @Test
    void get_archiveStallsAfterTheFirstInstance_timesOutAfterDeliveringIt() throws Exception {
        RetrievableInstance ct = sample("CT_small.dcm");
        CountDownLatch release = new CountDownLatch(1);
        RetrievableInstance stalled = slow(sample("MR_small.dcm"), release, Duration.ofSeconds(30));
        List<String> delivered = new ArrayList<>();
        PixelMedDimseScu scu = new PixelMedDimseScu(new AeTitle("EXCHANGE_SCU"), Duration.ofSeconds(1));
        try (DimseScp scp = PixelMedDimseScp.start(TestNode.config(null, null, (a, m, l, k) -> List.of(ct, stalled),
                null))) {
            assertThrows(DimseTimeoutException.class, () -> scu.get(SCP, QueryRetrieveModel.STUDY_ROOT, study(),
                    instance -> delivered.add(instance.sopInstanceUid())));
            release.countDown(); // lets the SCP's association end before the SCP stops
        } finally {
            release.countDown();
        }
        assertEquals(List.of(ct.sopInstanceUid()), delivered, "what came before the silence was handed on");
    }

    @Test
    void get_archiveSlowerInTotalThanTheTimeoutButNeverSilentThatLong_succeeds() throws Exception {
        CountDownLatch never = new CountDownLatch(1);
        Duration gap = Duration.ofMillis(500);
        List<RetrievableInstance> instances = List.of(slow(sample("CT_small.dcm"), never, gap),
                slow(sample("MR_small.dcm"), never, gap), slow(sample("brain_002.dcm"), never, gap),
                slow(sample("brain_003.dcm"), never, gap), slow(sample("brain_004.dcm"), never, gap));
        List<String> delivered = new ArrayList<>();
        PixelMedDimseScu scu = new PixelMedDimseScu(new AeTitle("EXCHANGE_SCU"), Duration.ofSeconds(2));
        TransferResult result;
        try (DimseScp scp = PixelMedDimseScp.start(TestNode.config(null, null, (a, m, l, k) -> instances, null))) {
            result = scu.get(SCP, QueryRetrieveModel.STUDY_ROOT, study(),
                    instance -> delivered.add(instance.sopInstanceUid()));
        }
        assertEquals(DimseStatus.SUCCESS, result.status());
        assertEquals(5, delivered.size(), "every instance, 0.5 s apart, with a 2 s read timeout");
    }
}
