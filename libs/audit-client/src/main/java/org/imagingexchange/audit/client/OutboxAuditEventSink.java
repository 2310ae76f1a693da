package org.imagingexchange.audit.client;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Gauge;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.ws.rs.core.GenericType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.rest.client.RestClientBuilder;

/**
 * {@link AuditEventSink} backed by a durable journal ({@link AuditJournal}) in
 * {@code ${exchange.audit.outbox-dir}/${exchange.service.name}/}: {@link #record} returns once the record
 * is on disk (group commit: concurrent writers share one {@code fdatasync}); a background task on the
 * container's {@code ManagedScheduledExecutorService} (every second, and {@code exchange.audit.delivery-linger-ms}
 * after a record when no pass is due yet) posts the journal in order, in batches of up to
 * {@code exchange.audit.delivery-batch} records, to {@code ${exchange.audit.url}/api/events/batch}. The request
 * that wrote a record never waits for its delivery. Record files of the earlier one-file-per-record outbox
 * ({@code *.json}) found at start are moved into the journal. Publishes {@code audit_outbox_backlog} (gauge,
 * records pending) and {@code audit_outbox_delivered_total} (counter). Thread-safe.
 */
@ApplicationScoped
public class OutboxAuditEventSink implements AuditEventSink {

    /** Outbox root used when {@code exchange.audit.outbox-dir} is not configured. */
    static final String DEFAULT_DIR_NAME = "imaging-exchange-audit-outbox";

    private static final Logger LOG = Logger.getLogger(OutboxAuditEventSink.class.getName());

    private static final Gauge BACKLOG = Gauge.builder()
            .name("audit_outbox_backlog")
            .help("Audit records written to the outbox and not yet accepted by the audit service")
            .register();
    private static final Counter DELIVERED = Counter.builder()
            .name("audit_outbox_delivered_total")
            .help("Audit records the audit service accepted (201 or 200) from this service's outbox")
            .register();

    @Inject
    @ConfigProperty(name = "exchange.service.name", defaultValue = "imaging-exchange")
    String serviceName;

    @Inject
    @ConfigProperty(name = "exchange.audit.outbox-dir")
    Optional<String> outboxDir;

    @Inject
    @ConfigProperty(name = "exchange.audit.url", defaultValue = "http://127.0.0.1:9080/audit")
    String auditUrl;

    @Inject
    @ConfigProperty(name = "exchange.audit.delivery-batch", defaultValue = "500")
    int batchSize;

    @Inject
    @ConfigProperty(name = "exchange.audit.delivery-linger-ms", defaultValue = "20")
    long lingerMs;

    @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
    ManagedScheduledExecutorService executor;

    private final AtomicBoolean deliveryDue = new AtomicBoolean();
    private AuditJournal journal;
    private OutboxDelivery delivery;
    private ScheduledFuture<?> schedule;

    void onStart(@Observes @Initialized(ApplicationScoped.class) Object event) {
        try {
            open(outboxPath(), restTransport(), batchSize);
            schedule = executor.scheduleWithFixedDelay(this::deliverQuietly, 1, 1, TimeUnit.SECONDS);
            LOG.info(() -> "audit outbox " + journal.directory() + " backlog=" + journal.backlog() + " target=" + auditUrl);
        } catch (UncheckedIOException e) {
            // record() then answers 503 for every audited request: access is never granted unaudited.
            LOG.log(Level.SEVERE, "audit outbox unusable; audited requests will be refused", e);
        }
    }

    @PreDestroy
    void stop() {
        if (schedule != null) {
            schedule.cancel(false);
        }
        if (journal != null) {
            try {
                journal.close();
            } catch (IOException e) {
                LOG.log(Level.WARNING, "closing the audit journal failed (it recovers on the next start)", e);
            }
        }
    }

    /**
     * Appends the record to the journal (returns once it is durable) and schedules a delivery pass.
     *
     * @throws AuditUnavailableException (503) when the outbox is not usable or the write fails
     */
    @Override
    public void record(AuditRecord record) {
        AuditJournal box = journal;
        if (box == null) {
            throw new AuditUnavailableException("The audit outbox is not available.", null);
        }
        try {
            box.append(record);
        } catch (IOException e) {
            throw new AuditUnavailableException("The audit record could not be written to the outbox.", e);
        }
        BACKLOG.set(box.backlog());
        nudge();
    }

    /**
     * Opens the journal and its deliverer (also used by tests, without a container) and moves record files
     * of the earlier file-per-record outbox into the journal.
     *
     * @param dir       outbox directory of this service
     * @param transport how records reach the audit service
     * @param batch     most records per delivery call
     * @return the deliverer
     * @throws UncheckedIOException when the journal cannot be opened
     */
    synchronized OutboxDelivery open(Path dir, AuditTransport transport, int batch) {
        journal = AuditJournal.open(dir, AuditJournal.DEFAULT_SEGMENT_BYTES);
        importRecordFiles(journal);
        delivery = new OutboxDelivery(journal, transport, Clock.systemUTC(), batch);
        BACKLOG.set(journal.backlog());
        return delivery;
    }

    /** One delivery pass; updates the metrics. */
    int deliver() {
        int delivered = delivery.deliverPending();
        if (delivered > 0) {
            DELIVERED.inc(delivered);
        }
        BACKLOG.set(journal.backlog());
        return delivered;
    }

    /** Closes the journal (tests: a restart in the same JVM). */
    void close() throws IOException {
        journal.close();
    }

    private void deliverQuietly() {
        try {
            deliver();
            if (journal.backlog() > 0) {
                // Records written while the pass ran: deliver them without waiting for the next tick.
                nudge();
            }
        } catch (RuntimeException e) {
            // An escaping exception would cancel the periodic task; log and try again next tick.
            LOG.log(Level.WARNING, "audit outbox delivery pass failed", e);
        }
    }

    /** Schedules one pass after the linger time unless one is due already: one pass serves many records. */
    private void nudge() {
        if (executor == null || delivery == null || delivery.backingOff() || !deliveryDue.compareAndSet(false, true)) {
            return;
        }
        try {
            executor.schedule(() -> {
                deliveryDue.set(false);
                deliverQuietly();
            }, lingerMs, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            deliveryDue.set(false);
            LOG.fine("audit outbox nudge refused (shutting down); the periodic pass delivers");
        }
    }

    /** Moves {@code *.json} record files of the file-per-record outbox (earlier versions) into the journal. */
    private static void importRecordFiles(AuditJournal journal) {
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(journal.directory(), "*.json")) {
            stream.forEach(files::add);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + journal.directory(), e);
        }
        files.sort(null);
        try (Jsonb jsonb = JsonbBuilder.create()) {
            for (Path file : files) {
                journal.append(jsonb.fromJson(Files.readString(file, StandardCharsets.UTF_8), AuditRecord.class));
                Files.delete(file);
            }
        } catch (Exception e) {
            throw new UncheckedIOException("cannot move the record files of " + journal.directory() + " into the journal",
                    e instanceof IOException io ? io : new IOException(e));
        }
        if (!files.isEmpty()) {
            LOG.info(() -> "audit outbox: " + files.size() + " record files moved into the journal");
        }
    }

    private Path outboxPath() {
        Path root = outboxDir.filter(s -> !s.isBlank()).map(Path::of)
                .orElseGet(() -> Path.of(System.getProperty("java.io.tmpdir"), DEFAULT_DIR_NAME));
        return root.resolve(serviceName);
    }

    private AuditTransport restTransport() {
        AuditServiceClient client = RestClientBuilder.newBuilder()
                .baseUri(URI.create(auditUrl))
                .connectTimeout(5, TimeUnit.SECONDS)
                .readTimeout(30, TimeUnit.SECONDS)
                .property("microprofile.rest.client.disable.default.mapper", true)
                .build(AuditServiceClient.class);
        return records -> {
            try (Response response = client.ingestBatch(records)) {
                if (response.getStatus() != 200) {
                    return Collections.nCopies(records.size(), response.getStatus());
                }
                List<AuditServiceClient.BatchEntry> entries = response.readEntity(BATCH_ANSWER);
                return entries.stream().map(AuditServiceClient.BatchEntry::status).toList();
            }
        };
    }

    private static final GenericType<List<AuditServiceClient.BatchEntry>> BATCH_ANSWER = new GenericType<>() {
    };
}
