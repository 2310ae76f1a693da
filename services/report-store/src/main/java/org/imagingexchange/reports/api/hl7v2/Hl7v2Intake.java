package org.imagingexchange.reports.api.hl7v2;

import ca.uhn.hl7v2.ErrorCode;
import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.model.v251.message.ORU_R01;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.imagingexchange.kit.context.Actor;
import org.imagingexchange.kit.problem.ProblemException;
import org.imagingexchange.reports.api.FhirCodec;
import org.imagingexchange.reports.api.ReportFhirMapper;
import org.imagingexchange.reports.api.StoredResources;
import org.imagingexchange.reports.domain.MessageIntake;
import org.imagingexchange.reports.domain.MessageKey;
import org.imagingexchange.reports.domain.ReportSubmission;
import org.imagingexchange.reports.domain.ReportValidationException;

/**
 * Receives one HL7 v2 message (either transport) and answers its acknowledgement (HL7 v2.5.1 §2.9):
 * <ul>
 * <li>AR / CR when the message is not one this store accepts: MSH-9 not ORU^R01 (error 200 / 201), MSH-12
 *     not 2.3, 2.3.1, 2.4, 2.5 or 2.5.1 (203), MSH-11 not an accepted processing id (202), MSH-10 empty
 *     (101), MSH-4 a sending facility no organisation is configured for (204, MLLP only), or the store
 *     failed (207, to be resent later)</li>
 * <li>AE / CE when the content is wrong: a required or malformed field, each in its own ERR naming it
 *     (e.g. PID-3 101, OBR-25 103, OBX-5 102), the eHN elements the store requires of every report included;
 *     nothing is stored</li>
 * <li>AA / CA when the report was stored (MSA-3 names {@code DiagnosticReport/<id>}), and for a resent
 *     message (same organisation, MSH-4 and MSH-10) whose report was stored before, without storing again</li>
 * </ul>
 * Thread-safe.
 */
public class Hl7v2Intake {

    /** HL7 versions (MSH-12) whose ORU^R01 the 2.5.1 model reads. */
    public static final Set<String> VERSIONS = Set.of("2.3", "2.3.1", "2.4", "2.5", "2.5.1");

    private static final Logger LOG = Logger.getLogger(Hl7v2Intake.class.getName());

    private final Hl7v2Parser parser;
    private final MessageIntake intake;
    private final FhirCodec codec;
    private final Set<String> processingIds;
    private final ZoneId zone;

    /**
     * The answer to a message.
     *
     * @param ack     the acknowledgement (ER7, segments separated by CR)
     * @param outcome what the acknowledgement says
     * @param stored  the intake outcome when a report was stored or found stored; empty otherwise
     * @param patient the patient the message was about, for the audit record; empty when unknown
     */
    public record Answer(String ack, Acknowledgements.Outcome outcome, Optional<MessageIntake.Outcome> stored,
                         Optional<org.imagingexchange.reports.domain.PatientIdentifier> patient) {
    }

    /**
     * @param parser        the HAPI context
     * @param intake        stores at most once per message
     * @param codec         FHIR JSON of the stored report
     * @param processingIds accepted MSH-11 values, e.g. {@code P}
     * @param zone          zone of timestamps sent without UTC offset
     */
    public Hl7v2Intake(Hl7v2Parser parser, MessageIntake intake, FhirCodec codec, Set<String> processingIds, ZoneId zone) {
        this.parser = parser;
        this.intake = intake;
        this.codec = codec;
        this.processingIds = Set.copyOf(processingIds);
        this.zone = zone;
    }

    /**
     * @param er7     the received message
     * @param senders the caller the report is stored for, by MSH-4 sending facility (HD components joined by
     *                {@code ^}); empty when the facility is not known (AR 204)
     * @return the acknowledgement
     */
    public Answer receive(String er7, Function<String, Optional<Actor>> senders) {
        Optional<MessageHeader> header = MessageHeader.read(er7);
        if (header.isEmpty()) {
            return unreadable(new HL7Exception("the text does not start with an MSH segment"));
        }
        Message message;
        try {
            message = parser.parse(er7);
        } catch (HL7Exception e) {
            return unparsed(header.get(), e);
        } catch (RuntimeException e) {
            // HAPI's parser fails with runtime exceptions on some malformed headers (e.g. control characters in MSH-2).
            return unparsed(header.get(), new HL7Exception("HAPI could not parse the message (" + e.getClass().getSimpleName() + ")", e));
        }
        try {
            return receive(message, header.get(), senders);
        } catch (HL7Exception | RuntimeException e) {
            LOG.log(Level.WARNING, "HL7 v2 acknowledgement could not be built", e);
            return unparsed(header.get(), e instanceof HL7Exception h ? h : new HL7Exception("the acknowledgement could not be built", e));
        }
    }

    private Answer receive(Message message, MessageHeader msh, Function<String, Optional<Actor>> senders) throws HL7Exception {
        Optional<V2Error> refused = checkHeader(msh);
        if (refused.isPresent()) {
            return answer(message, Acknowledgements.Outcome.REJECT, List.of(refused.get()), "", Optional.empty(), Optional.empty());
        }
        String facility = msh.sendingFacility();
        Optional<Actor> sender = senders.apply(facility);
        if (sender.isEmpty()) {
            return answer(message, Acknowledgements.Outcome.REJECT, List.of(V2Error.of("MSH", 4, ErrorCode.UNKNOWN_KEY_IDENTIFIER,
                    "sending facility '" + facility + "' is not configured for any organisation")), "", Optional.empty(), Optional.empty());
        }
        MessageKey key = new MessageKey(sender.get().organizationId(), facility, msh.controlId());
        Optional<MessageIntake.Outcome> earlier = intake.previous(key);
        if (earlier.isPresent()) {
            return accepted(message, earlier.get(), Optional.empty());
        }
        if (!(message instanceof ORU_R01 oru)) {
            return answer(message, Acknowledgements.Outcome.REJECT, List.of(V2Error.of("MSH", 9, ErrorCode.UNSUPPORTED_MESSAGE_TYPE,
                    "message structure '" + message.getName() + "' is not ORU_R01")), "", Optional.empty(), Optional.empty());
        }
        OruR01Mapper.Mapped mapped;
        try {
            mapped = OruR01Mapper.map(oru, zone);
        } catch (RuntimeException e) {
            // A value the mapping did not foresee (HAPI and the FHIR model refuse some); the sender learns the
            // message could not be read, the log keeps the cause.
            LOG.log(Level.WARNING, "HL7 v2 ORU could not be mapped; answered AE 207", e);
            return answer(message, Acknowledgements.Outcome.ERROR, List.of(V2Error.of("MSH", 10, ErrorCode.APPLICATION_INTERNAL_ERROR,
                    "the report could not be read from the message: " + e.getMessage())), "", Optional.empty(), Optional.empty());
        }
        ReportSubmission facts = ReportFhirMapper.toSubmission(mapped.report(), "DiagnosticReport", List.of(), false);
        if (!mapped.errors().isEmpty()) {
            return answer(message, Acknowledgements.Outcome.ERROR, mapped.errors(), "", Optional.empty(), Optional.ofNullable(facts.patient()));
        }
        return store(message, key, facts, mapped, sender.get());
    }

    private Answer store(Message message, MessageKey key, ReportSubmission facts, OruR01Mapper.Mapped mapped, Actor sender)
            throws HL7Exception {
        try {
            MessageIntake.Outcome outcome = intake.storeOnce(key, facts, sender, StoredResources.renderer(codec, mapped.report()));
            return accepted(message, outcome, Optional.ofNullable(facts.patient()));
        } catch (ReportValidationException e) {
            return answer(message, Acknowledgements.Outcome.ERROR, EhnFields.errors(e.issues()), "", Optional.empty(),
                    Optional.ofNullable(facts.patient()));
        } catch (RuntimeException e) {
            Optional<MessageIntake.Outcome> concurrent = previousQuietly(key);
            if (concurrent.isPresent()) {
                return accepted(message, concurrent.get(), Optional.ofNullable(facts.patient()));
            }
            LOG.log(Level.WARNING, "HL7 v2 report could not be stored; answered AR 207", e);
            return answer(message, Acknowledgements.Outcome.REJECT, List.of(V2Error.of("MSH", 10, ErrorCode.APPLICATION_INTERNAL_ERROR,
                    "the report could not be stored now; send the message again later")), "", Optional.empty(),
                    Optional.ofNullable(facts.patient()));
        }
    }

    private Optional<MessageIntake.Outcome> previousQuietly(MessageKey key) {
        try {
            return intake.previous(key);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private Answer accepted(Message message, MessageIntake.Outcome outcome, Optional<org.imagingexchange.reports.domain.PatientIdentifier> patient)
            throws HL7Exception {
        String text = (outcome.duplicate() ? "already stored as " : "stored as ") + StoredResources.TYPE + "/" + outcome.reportId();
        return answer(message, Acknowledgements.Outcome.ACCEPT, List.of(), text, Optional.of(outcome), patient);
    }

    private Answer answer(Message message, Acknowledgements.Outcome outcome, List<V2Error> errors, String text,
                          Optional<MessageIntake.Outcome> stored, Optional<org.imagingexchange.reports.domain.PatientIdentifier> patient)
            throws HL7Exception {
        return new Answer(parser.encode(Acknowledgements.to(message, outcome, errors, text)), outcome, stored, patient);
    }

    /** @return the refusal of a message header this store does not accept; empty when it is accepted */
    Optional<V2Error> checkHeader(MessageHeader msh) {
        String type = msh.type();
        String event = msh.event();
        String version = msh.version();
        String processingId = msh.processingId();
        String controlId = msh.controlId();
        if (!"ORU".equals(type)) {
            return Optional.of(V2Error.of("MSH", 9, ErrorCode.UNSUPPORTED_MESSAGE_TYPE,
                    "message type '" + type + "' is not accepted; the report store takes ORU^R01"));
        }
        if (!"R01".equals(event)) {
            return Optional.of(V2Error.of("MSH", 9, ErrorCode.UNSUPPORTED_EVENT_CODE,
                    "trigger event '" + event + "' is not accepted; the report store takes ORU^R01"));
        }
        if (version == null || !VERSIONS.contains(version.trim())) {
            return Optional.of(V2Error.of("MSH", 12, ErrorCode.UNSUPPORTED_VERSION_ID,
                    "version '" + version + "' is not accepted (one of 2.3, 2.3.1, 2.4, 2.5, 2.5.1)"));
        }
        if (processingId == null || !processingIds.contains(processingId.trim())) {
            return Optional.of(V2Error.of("MSH", 11, ErrorCode.UNSUPPORTED_PROCESSING_ID,
                    "processing id '" + processingId + "' is not accepted here (accepted: " + String.join(", ", processingIds.stream().sorted().toList()) + ")"));
        }
        if (controlId == null || controlId.isBlank()) {
            return Optional.of(V2Error.of("MSH", 10, ErrorCode.REQUIRED_FIELD_MISSING, "MSH-10 message control id is required"));
        }
        return Optional.empty();
    }

    /** A message HAPI could not parse: refused when its header says why, otherwise a content error. */
    private Answer unparsed(MessageHeader msh, HL7Exception cause) {
        Optional<V2Error> refused = checkHeader(msh);
        Acknowledgements.Outcome outcome = refused.isPresent() ? Acknowledgements.Outcome.REJECT : Acknowledgements.Outcome.ERROR;
        V2Error error = refused.orElse(V2Error.of("MSH", 0, ErrorCode.SEGMENT_SEQUENCE_ERROR,
                "the message does not parse as HL7 v2: " + cause.getMessageWithoutLocation()));
        return encoded(msh, outcome, error);
    }

    /** Input that does not start with an MSH: AR 100, nothing to echo. */
    private Answer unreadable(HL7Exception cause) {
        return encoded(null, Acknowledgements.Outcome.REJECT, V2Error.of("MSH", 0, ErrorCode.SEGMENT_SEQUENCE_ERROR,
                "not an HL7 v2 message: " + cause.getMessageWithoutLocation()));
    }

    private Answer encoded(MessageHeader msh, Acknowledgements.Outcome outcome, V2Error error) {
        try {
            return new Answer(parser.encode(Acknowledgements.toUnparsed(parser, msh, outcome, error)), outcome,
                    Optional.empty(), Optional.empty());
        } catch (HL7Exception | RuntimeException e) {
            if (msh != null) {
                // A header value the ACK cannot carry: answer unaddressed rather than not at all.
                return encoded(null, outcome, error);
            }
            throw new IllegalStateException("HAPI cannot build an acknowledgement", e);
        }
    }

    /** Maps the store's eHN findings (FHIR locations) to the v2 fields they come from. */
    static final class EhnFields {
        private EhnFields() {
        }

        static List<V2Error> errors(List<ProblemException.Issue> issues) {
            return issues.stream().map(EhnFields::error).toList();
        }

        private static V2Error error(ProblemException.Issue issue) {
            String m = issue.message() == null ? "" : issue.message();
            String[] at = m.startsWith("eHN A.1.1 ") ? new String[] {"PID", "3"}
                    : m.startsWith("eHN A.1.5 ") ? new String[] {"OBR", "32"}
                    : m.startsWith("eHN A.1.8.2 ") ? new String[] {"OBR", "25"}
                    : m.startsWith("eHN A.1.8.3 ") ? new String[] {"OBR", "22"}
                    : m.startsWith("eHN A.1.8.10 ") ? new String[] {"ZDS", "1"}
                    : m.startsWith("eHN A.5.1.1 ") ? new String[] {"OBR", "24"}
                    : m.startsWith("eHN A.5.5 ") ? new String[] {"OBX", "3"}
                    : m.startsWith("eHN A.1.8.1 ") ? new String[] {"OBR", "4"} : new String[] {"MSH", "0"};
            return V2Error.of(at[0], Integer.parseInt(at[1]), ErrorCode.REQUIRED_FIELD_MISSING, m);
        }
    }
}
