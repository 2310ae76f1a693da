package org.imagingexchange.reports.api;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.LenientErrorHandler;
import jakarta.enterprise.context.ApplicationScoped;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.imagingexchange.kit.problem.BadRequestProblem;

/**
 * The application's one FHIR R4 context (HAPI FHIR; building it is expensive, using it is thread-safe)
 * with JSON parsing and encoding. Parsing is lenient about unknown elements and invalid coded values, so
 * that an invalid {@code status} is reported by the eHN rules as a named issue (422) instead of a bare
 * parse error; malformed JSON and unknown resource types are 400.
 */
@ApplicationScoped
public class FhirCodec {

    private final FhirContext context;
    private final LenientErrorHandler errorHandler;

    /**
     * Uses the JVM's shared R4 context ({@link FhirContext#forR4Cached()}, left unconfigured: the server
     * that carries every component builds the model once for all of them); the lenient error handling is
     * set on each parser.
     */
    public FhirCodec() {
        context = FhirContext.forR4Cached();
        errorHandler = new LenientErrorHandler(false);
        errorHandler.setErrorOnInvalidValue(false);
    }

    /**
     * Parses a FHIR JSON body as the expected resource type.
     *
     * @param body JSON text
     * @param type expected resource class, e.g. {@code DiagnosticReport.class}
     * @return the resource
     * @throws BadRequestProblem (400) when the body is not FHIR JSON or holds another resource type
     */
    public <T extends IBaseResource> T parse(String body, Class<T> type) {
        String expected = context.getResourceType(type);
        if (body == null || body.isBlank()) {
            throw new BadRequestProblem("malformed-body", "The request body is empty; expected a FHIR R4 " + expected + " in JSON.");
        }
        IBaseResource resource;
        try {
            resource = jsonParser().parseResource(body);
        } catch (DataFormatException | IllegalArgumentException e) {
            throw new BadRequestProblem("malformed-body", "The request body is not a FHIR R4 JSON resource: " + e.getMessage());
        } catch (RuntimeException e) {
            // HAPI's parser fails with other runtime exceptions on some malformed structures (e.g. a Bundle entry
            // whose resource is a number); their messages are internal, so the detail is fixed.
            throw new BadRequestProblem("malformed-body", "The request body is not a FHIR R4 JSON resource.");
        }
        if (!type.isInstance(resource)) {
            throw new BadRequestProblem("wrong-resource-type", "resourceType is '" + context.getResourceType(resource)
                    + "'; this endpoint accepts " + expected + ".");
        }
        return type.cast(resource);
    }

    /**
     * @param resource the resource
     * @return its FHIR JSON (compact)
     */
    public String encode(IBaseResource resource) {
        return jsonParser().encodeResourceToString(resource);
    }

    /** @return the shared FHIR R4 context */
    public FhirContext context() {
        return context;
    }

    private IParser jsonParser() {
        return context.newJsonParser().setParserErrorHandler(errorHandler);
    }
}
