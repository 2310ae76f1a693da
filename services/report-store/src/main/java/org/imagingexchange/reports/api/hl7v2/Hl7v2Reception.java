package org.imagingexchange.reports.api.hl7v2;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.Set;
import org.imagingexchange.kit.context.Actor;
import org.imagingexchange.reports.api.FhirCodec;
import org.imagingexchange.reports.config.ReportStoreConfig;
import org.imagingexchange.reports.domain.MessageIntake;

/**
 * The report store's HL7 v2 reception, shared by both transports: over HTTP the sender is the verified
 * token's caller; over MLLP (no token) the sending facility MSH-4 must be configured for an organisation
 * ({@code exchange.reports.hl7v2.facilities}) and the report is stored for that organisation as an
 * HL7 v2 system (subject {@code hl7v2:<MSH-4>}, role report-author). Thread-safe.
 */
@ApplicationScoped
public class Hl7v2Reception {

    /** Role the MLLP sender acts with (the one HTTP intake requires). */
    public static final String REPORT_AUTHOR = "report-author";

    @Inject
    ReportStoreConfig config;

    @Inject
    MessageIntake messages;

    @Inject
    FhirCodec codec;

    private Hl7v2Intake intake;

    @PostConstruct
    void init() {
        intake = new Hl7v2Intake(new Hl7v2Parser(), messages, codec, config.processingIds(), config.timeZone());
    }

    /**
     * @param er7    a message received over MLLP
     * @return the acknowledgement (AR 204 when the sending facility is not configured)
     */
    public Hl7v2Intake.Answer overMllp(String er7) {
        return intake.receive(er7, facility -> config.facilityOrganization(facility).map(org -> new Actor(
                "hl7v2:" + facility, "mllp:" + facility, "", org, "", "", Set.of(REPORT_AUTHOR), "")));
    }

    /**
     * @param er7    a message received over HTTP
     * @param caller the verified caller (role report-author); the report is stored for its organisation
     * @return the acknowledgement
     */
    public Hl7v2Intake.Answer overHttp(String er7, Actor caller) {
        return intake.receive(er7, facility -> Optional.of(caller));
    }
}
