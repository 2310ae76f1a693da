package org.imagingexchange.reports.api;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Composition;
import org.hl7.fhir.r4.model.DiagnosticReport;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

/**
 * Finds the organisation ids a submitted report names as its author (eHN A.1.5) or custodian
 * (A.1.8.6): identifiers with system {@value #ORGANIZATION_SYSTEM} (the token's {@code organization_id})
 * on {@code DiagnosticReport.performer} / {@code resultsInterpreter} references, on the Organization they
 * point to, or on the Organization of a PractitionerRole they point to; in a document Bundle also on
 * {@code Composition.author}, {@code custodian} and {@code attester.party}. Stateless.
 */
public final class AuthorOrganizations {

    /** Identifier system of organisation ids (values of the token claim {@code organization_id}). */
    public static final String ORGANIZATION_SYSTEM = "urn:imaging-exchange:organization-id";

    private AuthorOrganizations() {
    }

    /**
     * @param report a stand-alone DiagnosticReport (contained references {@code #id} are followed)
     * @return the organisation ids it names, in order of appearance; empty when none
     */
    public static Set<String> of(DiagnosticReport report) {
        Set<String> ids = new LinkedHashSet<>();
        Function<Reference, Optional<Resource>> resolve = ref -> ReportFhirMapper.contained(report, ref, Resource.class);
        report.getPerformer().forEach(r -> collect(r, resolve, ids));
        report.getResultsInterpreter().forEach(r -> collect(r, resolve, ids));
        return ids;
    }

    /**
     * @param bundle a posted document Bundle
     * @return the organisation ids its Composition names (author, custodian, attester.party) and those of
     *         every DiagnosticReport in it; empty when none
     */
    public static Set<String> of(Bundle bundle) {
        Map<String, Resource> index = new HashMap<>();
        for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
            Resource r = entry.getResource();
            if (r != null && entry.hasFullUrl()) {
                index.put(entry.getFullUrl(), r);
            }
            if (r != null && r.getIdElement().hasIdPart()) {
                index.put(r.fhirType() + "/" + r.getIdElement().getIdPart(), r);
            }
        }
        Function<Reference, Optional<Resource>> resolve = ref -> Optional.ofNullable(ref.getReference()).map(index::get);
        Set<String> ids = new LinkedHashSet<>();
        for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
            if (entry.getResource() instanceof Composition c) {
                c.getAuthor().forEach(r -> collect(r, resolve, ids));
                collect(c.getCustodian(), resolve, ids);
                c.getAttester().forEach(a -> collect(a.getParty(), resolve, ids));
            } else if (entry.getResource() instanceof DiagnosticReport report) {
                ids.addAll(of(report));
                report.getPerformer().forEach(r -> collect(r, resolve, ids));
                report.getResultsInterpreter().forEach(r -> collect(r, resolve, ids));
            }
        }
        return ids;
    }

    private static void collect(Reference ref, Function<Reference, Optional<Resource>> resolve, Set<String> ids) {
        if (ref == null || ref.isEmpty()) {
            return;
        }
        add(ref.getIdentifier(), ids);
        Optional<Resource> target = ref.getResource() instanceof Resource r ? Optional.of(r) : resolve.apply(ref);
        if (target.isPresent() && target.get() instanceof Organization org) {
            org.getIdentifier().forEach(i -> add(i, ids));
        } else if (target.isPresent() && target.get() instanceof PractitionerRole role && role.hasOrganization()) {
            collect(role.getOrganization(), resolve, ids);
        }
    }

    private static void add(Identifier id, Set<String> ids) {
        if (id != null && ORGANIZATION_SYSTEM.equals(id.getSystem()) && id.hasValue() && !id.getValue().isBlank()) {
            ids.add(id.getValue().trim());
        }
    }
}
