package org.imagingexchange.reports.api.hl7v2;

import ca.uhn.hl7v2.AcknowledgmentCode;
import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.util.Terser;
import java.io.IOException;
import java.util.List;

/**
 * Builds the acknowledgement of a received message (HL7 v2.5.1 §2.9, MSA and ERR segments) with HAPI:
 * MSH addressed back to the sender, MSA-2 = the received MSH-10, one ERR per finding (ERR-2 location,
 * ERR-3 HL7 table 0357 code, ERR-4 severity E, ERR-8 text). Original mode answers AA / AE / AR; when the
 * sender asked for enhanced mode (MSH-15 valued) the same outcomes are CA / CE / CR (the report is stored
 * before the answer, so the accept acknowledgement already says it was committed). Stateless.
 */
public final class Acknowledgements {

    /** Outcome of a received message. */
    public enum Outcome {
        /** Stored (or a resend of a stored message): AA / CA. */
        ACCEPT,
        /** The content is wrong (missing or invalid fields): AE / CE. */
        ERROR,
        /** Not accepted at all (message type, event, version, processing id, sender; or the store failed): AR / CR. */
        REJECT;

        AcknowledgmentCode code(boolean enhanced) {
            return switch (this) {
                case ACCEPT -> enhanced ? AcknowledgmentCode.CA : AcknowledgmentCode.AA;
                case ERROR -> enhanced ? AcknowledgmentCode.CE : AcknowledgmentCode.AE;
                case REJECT -> enhanced ? AcknowledgmentCode.CR : AcknowledgmentCode.AR;
            };
        }
    }

    private Acknowledgements() {
    }

    /**
     * @param received the parsed message
     * @param outcome  what happened
     * @param errors   findings (empty for ACCEPT)
     * @param text     MSA-3 text message (e.g. where the report was stored); may be empty
     * @return the acknowledgement message
     * @throws HL7Exception when HAPI cannot build it
     */
    static Message to(Message received, Outcome outcome, List<V2Error> errors, String text) throws HL7Exception {
        String acceptAck = new Terser(received).get("/MSH-15");
        boolean enhanced = acceptAck != null && !acceptAck.isBlank();
        AcknowledgmentCode code = outcome.code(enhanced);
        Message ack;
        try {
            ack = errors.isEmpty() ? received.generateACK(code, null) : received.generateACK(code, errors.get(0).toException());
        } catch (IOException e) {
            throw new HL7Exception("acknowledgement could not be built", e);
        }
        fill(ack, code, errors, text);
        legacyLocations(ack, new Terser(received).get("/MSH-12"), errors);
        return ack;
    }

    /**
     * The acknowledgement of a message that did not parse as a whole (or whose MSH is all that can be read),
     * addressed from the header fields read off the text: HL7 v2.5.1 ACK, MSH-3/4 and MSH-5/6 swapped,
     * MSH-11 and MSH-12 echoed, MSA-2 = the received MSH-10.
     *
     * @param parser  the context the ACK is built in
     * @param header  the received header; null when not even MSH could be read (then MSA-2 is empty)
     * @param outcome ERROR or REJECT
     * @param error   the finding
     * @return the acknowledgement message
     * @throws HL7Exception when HAPI cannot build it
     */
    static Message toUnparsed(Hl7v2Parser parser, MessageHeader header, Outcome outcome, V2Error error) throws HL7Exception {
        ca.uhn.hl7v2.model.v251.message.ACK ack = parser.newAck();
        try {
            ack.initQuickstart("ACK", null, header == null || header.processingId().isEmpty() ? "P" : header.processingId());
        } catch (IOException e) {
            throw new HL7Exception("acknowledgement could not be built", e);
        }
        boolean enhanced = false;
        if (header != null) {
            Terser terser = new Terser(ack);
            terser.set("/MSH-3", header.receivingApplication());
            terser.set("/MSH-4", header.receivingFacility());
            terser.set("/MSH-5", header.sendingApplication());
            terser.set("/MSH-6", header.sendingFacility());
            if (!header.version().isEmpty()) {
                terser.set("/MSH-12", header.version());
            }
            terser.set("/MSA-2", header.controlId());
            enhanced = !header.acceptAckType().isEmpty();
        }
        fill(ack, outcome.code(enhanced), List.of(error), "");
        legacyLocations(ack, header == null ? "" : header.version(), List.of(error));
        return ack;
    }

    /**
     * Before HL7 v2.5 the ERR segment had one field, ERR-1 (error code and location: segment ^ sequence ^
     * field ^ code as CE); an acknowledgement of such a message carries it as well as the 2.5 fields.
     */
    private static void legacyLocations(Message ack, String version, List<V2Error> errors) throws HL7Exception {
        if (version == null || !(version.startsWith("2.3") || version.startsWith("2.4"))) {
            return;
        }
        Terser terser = new Terser(ack);
        for (int i = 0; i < errors.size(); i++) {
            V2Error e = errors.get(i);
            String eld = "/ERR(" + i + ")-1";
            terser.set(eld + "-1", e.segment());
            terser.set(eld + "-2", Integer.toString(e.repetition()));
            if (e.field() > 0) {
                terser.set(eld + "-3", Integer.toString(e.field()));
            }
            terser.set(eld + "-4-1", Integer.toString(e.code().getCode()));
            terser.set(eld + "-4-2", e.code().getMessage());
            terser.set(eld + "-4-3", "HL70357");
        }
    }

    private static void fill(Message ack, AcknowledgmentCode code, List<V2Error> errors, String text) throws HL7Exception {
        Terser terser = new Terser(ack);
        terser.set("/MSA-1", code.name());
        for (int i = 0; i < errors.size(); i++) {
            errors.get(i).toException().populateResponse(ack, code, i);
        }
        if (text != null && !text.isEmpty()) {
            terser.set("/MSA-3", text);
        }
    }
}
