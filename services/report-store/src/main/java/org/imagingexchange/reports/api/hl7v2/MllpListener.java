package org.imagingexchange.reports.api.hl7v2;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.imagingexchange.reports.config.ReportStoreConfig;

/**
 * The report store's MLLP port for HL7 v2 ORU^R01 from a RIS ({@code exchange.reports.mllp.port}, default
 * 2575; 0 disables it): started with the application, on the server's default ManagedExecutorService,
 * every message handed to {@link Hl7v2Reception#overMllp}. A port that cannot be bound is logged and
 * reported by the readiness check ({@code report-store-mllp} DOWN). Thread-safe.
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

    private volatile MllpServer server;
    private volatile State state = State.DISABLED;

    void start(@Observes @Initialized(ApplicationScoped.class) Object event) {
        if (config.mllpPort() <= 0) {
            LOG.info("HL7 v2 MLLP listener disabled (exchange.reports.mllp.port = " + config.mllpPort() + ")");
            return;
        }
        MllpServer.Settings settings = new MllpServer.Settings(config.mllpHost(), config.mllpPort(), config.mllpMaxConnections(),
                config.mllpIdleTimeoutSeconds() * 1000, config.mllpMaxMessageBytes());
        MllpServer candidate = new MllpServer(settings, executor, er7 -> reception.overMllp(er7).ack());
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
