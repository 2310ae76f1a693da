package org.imagingexchange.reports.api.hl7v2;

import ca.uhn.hl7v2.DefaultHapiContext;
import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.HapiContext;
import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.parser.CanonicalModelClassFactory;
import ca.uhn.hl7v2.parser.PipeParser;
import ca.uhn.hl7v2.util.idgenerator.UUIDGenerator;
import ca.uhn.hl7v2.validation.impl.ValidationContextFactory;

/**
 * The report store's one HAPI HL7v2 context: ER7 (pipe) messages of HL7 v2.3, 2.3.1, 2.4, 2.5 and 2.5.1
 * parse into the 2.5.1 model ({@link CanonicalModelClassFactory}), so one mapping reads them all; HAPI's
 * own field validation is off (the mapping names each wrong field itself, for the ERR segment);
 * acknowledgement control ids are random UUIDs (no id file on disk). Thread-safe (HAPI's parser is).
 */
public final class Hl7v2Parser {

    /** The model version every message is read into. */
    public static final String MODEL_VERSION = "2.5.1";

    private final PipeParser parser;

    /** Builds the context (some milliseconds; one per application). */
    public Hl7v2Parser() {
        HapiContext context = new DefaultHapiContext();
        context.setModelClassFactory(new CanonicalModelClassFactory(MODEL_VERSION));
        context.setValidationContext(ValidationContextFactory.noValidation());
        context.getParserConfiguration().setIdGenerator(new UUIDGenerator());
        parser = context.getPipeParser();
    }

    /**
     * @param er7 the message, segments separated by CR
     * @return the parsed message (an {@code ORU_R01} of the 2.5.1 model for ORU^R01 of any supported version)
     * @throws HL7Exception when the text is not an HL7 v2 message of a known version or structure
     */
    public Message parse(String er7) throws HL7Exception {
        return parser.parse(er7);
    }

    /**
     * @return an empty HL7 v2.5.1 ACK bound to this context (so its control id comes from the UUID generator,
     *         never from HAPI's default file-based one)
     */
    public ca.uhn.hl7v2.model.v251.message.ACK newAck() {
        ca.uhn.hl7v2.model.v251.message.ACK ack = new ca.uhn.hl7v2.model.v251.message.ACK();
        ack.setParser(parser);
        return ack;
    }

    /**
     * @param message a message or acknowledgement
     * @return its ER7 text, segments separated by CR
     * @throws HL7Exception when HAPI cannot encode it
     */
    public String encode(Message message) throws HL7Exception {
        return parser.encode(message);
    }
}
