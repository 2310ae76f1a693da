package org.imagingexchange.retrieval.integration;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Logger;
import org.imagingexchange.dicom.AeTitle;
import org.imagingexchange.dicom.DicomAttribute;
import org.imagingexchange.dicom.DicomDataset;
import org.imagingexchange.dicom.DimseStatus;
import org.imagingexchange.dicom.net.AssociationRejectedException;
import org.imagingexchange.dicom.net.CFindScu;
import org.imagingexchange.dicom.net.CGetScu;
import org.imagingexchange.dicom.net.DimseException;
import org.imagingexchange.dicom.net.DimseTimeoutException;
import org.imagingexchange.dicom.net.DimseTransportException;
import org.imagingexchange.dicom.net.QueryRetrieveLevel;
import org.imagingexchange.dicom.net.QueryRetrieveModel;
import org.imagingexchange.dicom.net.RemoteAe;
import org.imagingexchange.dicom.net.TransferResult;
import org.imagingexchange.dicom.pixelmed.PixelMedDimseScu;
import org.imagingexchange.kit.problem.ProblemException;
import org.imagingexchange.retrieval.config.RetrievalConfig;
import org.imagingexchange.retrieval.domain.DicomObjectNotFoundException;
import org.imagingexchange.retrieval.domain.DimseSource;
import org.imagingexchange.retrieval.domain.NotAcceptableAtSourceException;
import org.imagingexchange.retrieval.domain.RetrieveTarget;
import org.imagingexchange.retrieval.domain.RetrievedBody;
import org.imagingexchange.retrieval.domain.SourceArchive;
import org.imagingexchange.retrieval.domain.SourceArchiveTimeoutException;
import org.imagingexchange.retrieval.domain.SourceArchiveUnavailableException;
import org.imagingexchange.retrieval.domain.StudyEndpoint;

/**
 * {@link SourceArchive} for DIMSE-only archives: a WADO-RS retrieve of a study, series or instance becomes one
 * C-GET (PS3.4 §C.4.3, Study Root, level STUDY / SERIES / IMAGE with the target's UIDs) to the endpoint's DICOM
 * address ({@code dicom://AE@host:port}, calling AE title {@code exchange.retrieval.dimse.ae-title}), run on a
 * container thread. Each instance is handed on as it arrives, as one Part 10 part of a
 * {@code multipart/related; type="application/dicom"} body ({@link MultipartPipe}, a bounded buffer), unchanged
 * (no transcoding: each part names its transfer syntax).
 *
 * <p>{@link #open} returns when the first instance has arrived; what went wrong before is a problem: no
 * association or a rejected one, or a failure status (A701, A702, A900, C000...), 502; nothing within
 * {@code exchange.retrieval.first-byte-timeout-ms}, or an archive silent for {@code exchange.dimse.read-timeout}
 * (no A-ASSOCIATE-AC, no response: {@link DimseTimeoutException}), 504; an archive without the target (success
 * with no instance, or a failure status and no C-FIND match), 404. After that, a failure (association lost or
 * silent, failed sub-operations) makes the body's next read throw, so the response is cut off and never looks
 * complete. Accepted: {@code multipart/related} with type
 * {@code application/dicom} (or none) and {@code transfer-syntax=*} (or none); the metadata resources are 406
 * (DICOM JSON is not produced from DIMSE). Closing the body early discards what else arrives (the port has no
 * C-CANCEL). Thread-safe.
 */
@ApplicationScoped
@DimseSource
public class CGetSourceArchive implements SourceArchive {

    private static final Logger LOG = Logger.getLogger(CGetSourceArchive.class.getName());
    /** Chunks that may wait between the association and the client (with 256 KiB chunks: 4 MiB). */
    private static final int PIPE_CHUNKS = 16;

    private CGetScu scu;
    private CFindScu finder;
    private Executor executor;
    private Duration firstByteTimeout;
    private int chunkBytes;
    private RetrievalMetrics metrics;

    @Resource
    ManagedExecutorService managedExecutor;

    /** For CDI's client proxy only. */
    protected CGetSourceArchive() {
    }

    /**
     * @param config  calling AE title, first-byte timeout, chunk size
     * @param metrics the adapter's metrics
     */
    @Inject
    public CGetSourceArchive(RetrievalConfig config, RetrievalMetrics metrics) {
        this(new PixelMedDimseScu(new AeTitle(config.dimseAeTitle()), config.dimseReadTimeout()), null,
                config.firstByteTimeout(),
                config.chunkBytes(), metrics);
    }

    private CGetSourceArchive(PixelMedDimseScu scu, Executor executor, Duration firstByteTimeout, int chunkBytes,
                              RetrievalMetrics metrics) {
        this(scu, scu, executor, firstByteTimeout, chunkBytes, metrics);
    }

    /**
     * @param scu              the C-GET SCU
     * @param finder           the C-FIND SCU that tells a missing target from a failing archive
     * @param executor         runs each C-GET; null for the container's managed executor
     * @param firstByteTimeout longest wait for the first instance, and between two chunks
     * @param chunkBytes       bytes per chunk handed to the client
     * @param metrics          the adapter's metrics
     */
    CGetSourceArchive(CGetScu scu, CFindScu finder, Executor executor, Duration firstByteTimeout, int chunkBytes,
                      RetrievalMetrics metrics) {
        this.scu = scu;
        this.finder = finder;
        this.executor = executor;
        this.firstByteTimeout = firstByteTimeout;
        this.chunkBytes = chunkBytes;
        this.metrics = metrics;
    }

    @Override
    public RetrievedBody open(StudyEndpoint endpoint, RetrieveTarget target, String accept) {
        String source = endpoint.sourceId();
        RemoteAe remote = remote(endpoint);
        if (target.metadata() || !acceptable(accept)) {
            metrics.upstreamError(source, "not_acceptable");
            throw new NotAcceptableAtSourceException(accept, source);
        }
        MultipartPipe pipe = new MultipartPipe(UUID.randomUUID().toString(), chunkBytes, PIPE_CHUNKS, firstByteTimeout);
        CompletableFuture<Void> started = new CompletableFuture<>();
        long start = System.nanoTime();
        (executor != null ? executor : managedExecutor).execute(() -> retrieve(remote, endpoint, target, pipe, started));
        try {
            started.get(firstByteTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            pipe.discard();
            metrics.upstreamError(source, "timeout");
            throw new SourceArchiveTimeoutException(source, "sent no instance by C-GET within "
                    + firstByteTimeout.toSeconds() + " s.");
        } catch (ExecutionException e) {
            throw e.getCause() instanceof ProblemException p ? p
                    : new SourceArchiveUnavailableException(source, "failed the C-GET.", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            pipe.discard();
            throw new SourceArchiveUnavailableException(source, "was not waited for (interrupted).", e);
        }
        metrics.firstByte(source, start);
        return new RetrievedBody(source, pipe.contentType(), -1, metrics.meter(source, pipe.body(), start));
    }

    /** Runs the C-GET on an executor thread; settles {@code started} exactly once. */
    private void retrieve(RemoteAe remote, StudyEndpoint endpoint, RetrieveTarget target, MultipartPipe pipe,
                          CompletableFuture<Void> started) {
        String source = endpoint.sourceId();
        TransferResult result;
        try {
            result = scu.get(remote, QueryRetrieveModel.STUDY_ROOT, identifier(target), instance -> {
                started.complete(null);
                pipe.part(instance.transferSyntaxUid(), instance.part10());
            });
        } catch (DimseException e) {
            if (started.isDone()) {
                metrics.upstreamError(source, "dimse_failure");
                pipe.fail(e);
            } else {
                started.completeExceptionally(problem(remote, endpoint, target, e));
            }
            return;
        } catch (RuntimeException e) {
            metrics.upstreamError(source, "dimse_failure");
            if (!started.completeExceptionally(new SourceArchiveUnavailableException(source, "failed the C-GET.", e))) {
                pipe.fail(e);
            }
            return;
        }
        ended(result, endpoint, target, pipe, started);
    }

    /** Settles a C-GET that ended with a status: the end of the body, a cut-off body, or the problem to answer. */
    private void ended(TransferResult result, StudyEndpoint endpoint, RetrieveTarget target, MultipartPipe pipe,
                       CompletableFuture<Void> started) {
        String source = endpoint.sourceId();
        if (!started.isDone()) {
            metrics.upstreamError(source, result.failed() > 0 ? "dimse_failure" : "not_found");
            started.completeExceptionally(result.failed() > 0
                    ? new SourceArchiveUnavailableException(source, "sent none of the " + result.failed()
                            + " instances of " + target.path().substring(1) + " by C-GET.", null)
                    : new DicomObjectNotFoundException(target, source));
        } else if (pipe.readerGone()) {
            LOG.fine(() -> "source " + source + ": the client left before the end of " + target.path());
        } else if (result.failed() > 0 || result.status() != DimseStatus.SUCCESS) {
            metrics.upstreamError(source, "dimse_failure");
            String outcome = "C-GET ended with status " + DimseStatus.hex(result.status().code()) + " and "
                    + result.failed() + " failed sub-operations";
            LOG.warning(() -> "source " + source + ": " + outcome + " for " + target.path() + "; response cut off");
            pipe.fail(new java.io.IOException(outcome));
        } else {
            try {
                pipe.finish();
            } catch (java.io.IOException e) {
                LOG.fine(() -> "source " + source + ": the client left before the end of " + target.path());
            }
        }
    }

    /**
     * Maps a C-GET that failed before its first instance. Archives answer a target they do not hold with a
     * failure status (Orthanc: C000), so for a failure status a C-FIND at the target's level decides: no match
     * is a 404.
     */
    private ProblemException problem(RemoteAe remote, StudyEndpoint endpoint, RetrieveTarget target, DimseException e) {
        String source = endpoint.sourceId();
        if (!(e instanceof AssociationRejectedException) && !(e instanceof DimseTransportException)
                && !held(remote, target)) {
            metrics.upstreamError(source, "not_found");
            return new DicomObjectNotFoundException(target, source);
        }
        if (e instanceof DimseTimeoutException) {
            metrics.upstreamError(source, "timeout");
            return new SourceArchiveTimeoutException(source, "did not answer by DIMSE in time: " + e.getMessage());
        }
        if (e instanceof AssociationRejectedException) {
            metrics.upstreamError(source, "rejected");
            return new SourceArchiveUnavailableException(source, "rejected the association: " + e.getMessage(), e);
        }
        if (e instanceof DimseTransportException) {
            metrics.upstreamError(source, "unreachable");
            return new SourceArchiveUnavailableException(source, "cannot be reached by DIMSE: " + e.getMessage(), e);
        }
        metrics.upstreamError(source, "dimse_failure");
        return new SourceArchiveUnavailableException(source, "answered the C-GET with status "
                + DimseStatus.hex(e.statusCode()) + ".", e);
    }

    /** @return false only when the archive answers a C-FIND for the target with no match */
    private boolean held(RemoteAe remote, RetrieveTarget target) {
        boolean[] found = {false};
        try {
            finder.find(remote, QueryRetrieveModel.STUDY_ROOT, identifier(target), match -> found[0] = true);
        } catch (DimseException e) {
            return true;
        }
        return found[0];
    }

    private RemoteAe remote(StudyEndpoint endpoint) {
        try {
            return RemoteAe.fromAddress(endpoint.address()).orElseThrow(() -> new IllegalArgumentException(
                    "not a dicom:// address"));
        } catch (IllegalArgumentException e) {
            metrics.upstreamError(endpoint.sourceId(), "bad_address");
            throw new SourceArchiveUnavailableException(endpoint.sourceId(),
                    "has no usable DICOM address in the registry.", e);
        }
    }

    /** @return the C-GET identifier: Query/Retrieve Level and the unique keys down to it (PS3.4 §C.4.3.1.3.1) */
    static DicomDataset identifier(RetrieveTarget target) {
        QueryRetrieveLevel level = target.sopInstanceUid() != null ? QueryRetrieveLevel.IMAGE
                : target.seriesInstanceUid() != null ? QueryRetrieveLevel.SERIES : QueryRetrieveLevel.STUDY;
        DicomDataset keys = new DicomDataset().putString(DicomAttribute.QUERY_RETRIEVE_LEVEL, level.name())
                .putString(DicomAttribute.STUDY_INSTANCE_UID, target.studyInstanceUid());
        if (target.seriesInstanceUid() != null) {
            keys.putString(DicomAttribute.SERIES_INSTANCE_UID, target.seriesInstanceUid());
        }
        if (target.sopInstanceUid() != null) {
            keys.putString(DicomAttribute.SOP_INSTANCE_UID, target.sopInstanceUid());
        }
        return keys;
    }

    /**
     * @param accept the Accept value (already defaulted by {@link org.imagingexchange.retrieval.domain.WadoRsAccept})
     * @return true when one of its media ranges allows Part 10 instances as stored: {@code multipart/related}
     *         (or {@code multipart/*}, {@code *}{@code /*}) with type {@code application/dicom} or none, and
     *         {@code transfer-syntax=*} or none
     */
    static boolean acceptable(String accept) {
        if (accept == null) {
            return true;
        }
        for (String range : accept.split(",")) {
            String[] parts = range.split(";");
            String type = parts[0].strip().toLowerCase(java.util.Locale.ROOT);
            if (!(type.equals("multipart/related") || type.equals("multipart/*") || type.equals("*/*"))) {
                continue;
            }
            boolean ok = true;
            for (int i = 1; i < parts.length; i++) {
                String[] kv = parts[i].split("=", 2);
                String key = kv[0].strip().toLowerCase(java.util.Locale.ROOT);
                String value = kv.length > 1 ? kv[1].strip().replace("\"", "") : "";
                if (key.equals("type")) {
                    ok &= value.equalsIgnoreCase("application/dicom");
                } else if (key.equals("transfer-syntax")) {
                    ok &= value.equals("*");
                } else if (key.equals("q")) {
                    ok &= !value.matches("0(\\.0*)?");
                }
            }
            if (ok) {
                return true;
            }
        }
        return false;
    }
}
