package org.imagingexchange.retrieval.integration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import java.util.List;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.imagingexchange.kit.problem.ProblemException;
import org.imagingexchange.retrieval.domain.RegistryUnavailableException;
import org.imagingexchange.retrieval.domain.StudyEndpoint;
import org.imagingexchange.retrieval.domain.StudyLocation;
import org.imagingexchange.retrieval.domain.StudyLocator;
import org.imagingexchange.retrieval.domain.StudyNotFoundException;

/**
 * {@link StudyLocator} over the registry's REST API. Maps the registry's answers once: 404 becomes
 * {@link StudyNotFoundException}; any other error, a timeout or no connection becomes
 * {@link RegistryUnavailableException} (503). Thread-safe.
 */
@ApplicationScoped
public class RestStudyLocator implements StudyLocator {

    @Inject
    @RestClient
    RegistryClient registry;

    @Override
    public StudyLocation locate(String studyInstanceUid) {
        StudyLocationDocument doc;
        try {
            doc = registry.location(studyInstanceUid);
        } catch (WebApplicationException e) {
            int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
            if (status == 404) {
                throw new StudyNotFoundException(studyInstanceUid);
            }
            throw new RegistryUnavailableException("The study registry answered HTTP " + status + ".", e);
        } catch (ProcessingException e) {
            ProblemException problem = problemCause(e);
            if (problem != null) {
                throw problem;
            }
            throw new RegistryUnavailableException("The study registry cannot be reached.", e);
        }
        if (doc == null || doc.patientId() == null || doc.patientId().isEmpty()) {
            throw new RegistryUnavailableException("The study registry gave no patient for the study.", null);
        }
        return toLocation(studyInstanceUid, doc);
    }

    /** @return the domain view of the registry's answer */
    static StudyLocation toLocation(String studyInstanceUid, StudyLocationDocument doc) {
        List<StudyEndpoint> endpoints = doc.endpoints() == null ? List.of() : doc.endpoints().stream()
                .filter(e -> e != null && e.address() != null)
                .map(e -> new StudyEndpoint(e.sourceId() == null ? "unnamed" : e.sourceId(), e.address()))
                .toList();
        return new StudyLocation(studyInstanceUid, doc.patientId(), doc.patientIdIssuer(),
                doc.custodianOrganizationId(), endpoints);
    }

    /** A typed problem raised while preparing the call (e.g. no service token: 503) keeps its own status. */
    private static ProblemException problemCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ProblemException p) {
                return p;
            }
        }
        return null;
    }
}
