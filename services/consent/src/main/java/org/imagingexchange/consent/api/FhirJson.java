package org.imagingexchange.consent.api;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.imagingexchange.kit.problem.BadRequestProblem;

/**
 * FHIR R4 JSON parsing and serialisation with the JVM's shared {@link FhirContext} ({@link
 * FhirContext#forR4Cached()}: building a context scans the model, so it is made once, also for the other
 * services of an all-in-one server). Thread-safe: parsers are created per call.
 */
@ApplicationScoped
public class FhirJson {

    private FhirContext context;

    @PostConstruct
    void init() {
        context = FhirContext.forR4Cached();
    }

    /**
     * Parses a FHIR R4 JSON resource of the expected type.
     *
     * @param body the request body; may be null or blank
     * @param type the expected resource class
     * @param <T>  resource type
     * @return the parsed resource
     * @throws BadRequestProblem (400) when the body is empty, not FHIR JSON, or another resource type
     */
    public <T extends IBaseResource> T parse(String body, Class<T> type) {
        String expected = context.getResourceType(type);
        if (body == null || body.isBlank()) {
            throw new BadRequestProblem("missing-body", "The request body must be a FHIR R4 " + expected + " resource.");
        }
        IBaseResource resource;
        try {
            resource = context.newJsonParser().parseResource(body);
        } catch (DataFormatException e) {
            throw new BadRequestProblem("invalid-fhir-json", "The body is not a FHIR R4 JSON resource: " + e.getMessage());
        } catch (RuntimeException e) {
            // HAPI's parser fails with other runtime exceptions on some malformed structures; their messages are
            // internal, so the detail is fixed.
            throw new BadRequestProblem("invalid-fhir-json", "The body is not a FHIR R4 JSON resource.");
        }
        if (!type.isInstance(resource)) {
            throw new BadRequestProblem("wrong-resource-type", "Expected resourceType '" + expected + "' but got '"
                    + context.getResourceType(resource) + "'.");
        }
        return type.cast(resource);
    }

    /**
     * @param resource a stored resource's JSON, known to be valid
     * @param type     its class
     * @param <T>      resource type
     * @return the resource
     */
    public <T extends IBaseResource> T parseStored(String resource, Class<T> type) {
        return context.newJsonParser().parseResource(type, resource);
    }

    /** @return the resource as compact FHIR JSON */
    public String encode(IBaseResource resource) {
        return context.newJsonParser().encodeResourceToString(resource);
    }
}
