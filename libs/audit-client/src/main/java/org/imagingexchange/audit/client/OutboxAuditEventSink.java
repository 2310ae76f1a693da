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
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.rest.client.RestClientBuilder;

/**
 * {@link AuditEventSink} backed by a durable file outbox ({@link AuditOutbox}) in
 * {@code ${exchange.audit.outbox-dir}/${exchange.service.name}/}: {@link #record} returns once the record
 * is on disk; a background task on the container's {@code ManagedScheduledExecutorService} (every
 * second, and right after each record) posts pending records in order to
 * {@code ${exchange.audit.url}/api/events} and deletes each after a 2xx answer. Publishes
 * {@code audit_outbox_backlog} (gauge, files pending) and {@code audit_outbox_delivered_total}
 * (counter). Thread-safe.
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

    @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
    ManagedScheduledExecutorService executor;

    private AuditOutbox outbox;
    private OutboxDelivery delivery;
    private ScheduledFuture<?> schedule;

    void onStart(@Observes @Initialized(ApplicationScoped.class) Object event) {
        try {
            open(outboxPath(), restTransport());
            schedule = executor.scheduleWithFixedDelay(this::deliverQuietly, 1, 1, TimeUnit.SECONDS);
            LOG.info(() -> "audit outbox " + outbox.directory() + " backlog=" + outbox.backlog() + " target=" + auditUrl);
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
    }

    /**
     * Writes the record to the outbox (fsync + atomic rename) and nudges the deliverer.
     *
     * @throws AuditUnavailableException (503) when the outbox is not usable or the write fails
     */
    @Override
    public void record(AuditRecord record) {
        AuditOutbox box = outbox;
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
     * Opens the outbox and its deliverer (also used by tests, without a container).
     *
     * @param dir       outbox directory of this service
     * @param transport how records reach the audit service
     * @return the deliverer
     */
    synchronized OutboxDelivery open(Path dir, AuditTransport transport) {
        outbox = new AuditOutbox(dir, Clock.systemUTC());
        delivery = new OutboxDelivery(outbox, transport, Clock.systemUTC());
        BACKLOG.set(outbox.backlog());
        return delivery;
    }

    /** One delivery pass; updates the metrics. */
    int deliver() {
        int delivered = delivery.deliverPending();
        if (delivered > 0) {
            DELIVERED.inc(delivered);
        }
        BACKLOG.set(outbox.backlog());
        return delivered;
    }

    private void deliverQuietly() {
        try {
            deliver();
        } catch (RuntimeException e) {
            // An escaping exception would cancel the periodic task; log and try again next tick.
            LOG.log(Level.WARNING, "audit outbox delivery pass failed", e);
        }
    }

    private void nudge() {
        if (executor == null || delivery == null || delivery.backingOff()) {
            return;
        }
        try {
            executor.execute(this::deliverQuietly);
        } catch (RejectedExecutionException e) {
            LOG.fine("audit outbox nudge refused (shutting down); the periodic pass delivers");
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
                .readTimeout(15, TimeUnit.SECONDS)
                .property("microprofile.rest.client.disable.default.mapper", true)
                .build(AuditServiceClient.class);
        return record -> {
            try (Response response = client.ingest(record)) {
                return response.getStatus();
            }
        };
    }
}
