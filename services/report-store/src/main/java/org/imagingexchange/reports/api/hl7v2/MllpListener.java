package org.imagingexchange.reports.api.hl7v2;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.imagingexchange.audit.client.AuditEventSink;
import org.imagingexchange.audit.client.AuditOutcome;
import org.imagingexchange.audit.client.AuditRecord;
import org.imagingexchange.audit.client.BalpPattern;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.imagingexchange.reports.config.ReportStoreConfig;

/**
 * The report store's MLLP port for HL7 v2 ORU^R01 from a RIS ({@code exchange.reports.mllp.port}, default
 * 2575; 0 disables it): started with the application, on the server's default ManagedExecutorService,
 * every message handed to {@link Hl7v2Reception#overMllp}. A port that cannot be bound is logged and
 * reported by the readiness check ({@code report-store-mllp} DOWN). Each message is audited like an HTTP
 * create (BALP PATIENT_CREATE; agent {@code hl7v2:<MSH-4>} of the configured organisation; outcome success
 * for AA, minor failure for AE, serious failure for AR), recorded directly in the durable audit outbox as
 * the registry's DICOM responder does (MLLP has no JAX-RS request to attach the filter to); a record that
 * cannot be made durable is logged SEVERE and the acknowledgement still goes out (the report is stored by
 * then). Thread-safe.
 */
@ApplicationScoped
public class MllpListener {

    /** State of the listener. */
    public enum State {
        /** Port 0 or negative: no listener. */
        DISABLED,
        /** Bound and accepting. */
        LISTENING,
        /** The port could not be bound. */
        FAILED
    }

    private static final Logger LOG = Logger.getLogger(MllpListener.class.getName());

    @Inject
    ReportStoreConfig config;

    @Inject
    Hl7v2Reception reception;

    @Resource
    ManagedExecutorService executor;

    @Inject
    AuditEventSink audit;

    @Inject
    @ConfigProperty(name = "exchange.service.name", defaultValue = "report-store")
    String serviceName;

    private volatile MllpServer server;
    private volatile State state = State.DISABLED;

    void start(@Observes @Initialized(ApplicationScoped.class) Object event) {
        if (config.mllpPort() <= 0) {
            LOG.info("HL7 v2 MLLP listener disabled (exchange.reports.mllp.port = " + config.mllpPort() + ")");
            return;
        }
        MllpServer.Settings settings = new MllpServer.Settings(config.mllpHost(), config.mllpPort(), config.mllpMaxConnections(),
                config.mllpIdleTimeoutSeconds() * 1000, config.mllpMaxMessageBytes());
        MllpServer candidate = new MllpServer(settings, executor, this::receive);
        try {
            candidate.start();
            server = candidate;
            state = State.LISTENING;
            LOG.info("HL7 v2 MLLP listener on " + config.mllpHost() + ":" + config.mllpPort());
        } catch (IOException e) {
            state = State.FAILED;
            LOG.log(Level.SEVERE, "HL7 v2 MLLP listener cannot bind " + config.mllpHost() + ":" + config.mllpPort(), e);
        }
    }

    private String receive(String er7) {
        Hl7v2Intake.Answer answer = reception.overMllp(er7);
        String facility = MessageHeader.read(er7).map(MessageHeader::sendingFacility).orElse("");
        AuditOutcome outcome = switch (answer.outcome()) {
            case ACCEPT -> AuditOutcome.SUCCESS;
            case ERROR -> AuditOutcome.MINOR_FAILURE;
            case REJECT -> AuditOutcome.SERIOUS_FAILURE;
        };
        List<AuditRecord.EntityRef> entities = answer.stored()
                .map(o -> List.of(new AuditRecord.EntityRef("DiagnosticReport", o.reportId(), "HL7 v2 ORU^R01 over MLLP")))
                .orElse(List.of());
        List<AuditRecord.PatientRef> patients = answer.patient()
                .map(p -> List.of(new AuditRecord.PatientRef(p.value(), p.system()))).orElse(List.of());
        try {
            audit.record(new AuditRecord(UUID.randomUUID().toString(), Instant.now(), BalpPattern.PATIENT_CREATE, outcome,
                    "HL7 v2 acknowledgement " + answer.outcome(), serviceName, UUID.randomUUID().toString(),
                    new AuditRecord.Agent("hl7v2:" + facility, "mllp:" + facility, "",
                            config.facilityOrganization(facility).orElse(""), "", ""), patients, entities));
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "HL7 v2 message from " + facility + " not audited", e);
        }
        return answer.ack();
    }

    @PreDestroy
    void stop() {
        MllpServer s = server;
        if (s != null) {
            s.close();
        }
    }

    /** @return DISABLED, LISTENING, or FAILED (also when the listener stopped accepting) */
    public State state() {
        MllpServer s = server;
        if (state == State.LISTENING && (s == null || !s.listening())) {
            return State.FAILED;
        }
        return state;
    }
}
