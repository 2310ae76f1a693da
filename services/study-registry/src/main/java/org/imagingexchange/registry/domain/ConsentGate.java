package org.imagingexchange.registry.domain;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.imagingexchange.consent.client.ConsentDecision;
import org.imagingexchange.consent.client.ConsentDecisionPoint;
import org.imagingexchange.consent.client.ConsentRequest;
import org.imagingexchange.consent.client.DataClass;

/**
 * Keeps only the studies a requester may see (data class {@link DataClass#IMAGING_STUDY}), asking the
 * {@link ConsentDecisionPoint} once per distinct (patient, issuer, custodian) in one batch. Studies
 * without a Patient ID are never shown (no one can have consented for them). Fail closed: the port
 * answers DENY when it cannot decide, and a missing answer here is a deny too. Thread-safe.
 */
public final class ConsentGate {

    private final ConsentDecisionPoint decisionPoint;

    /** @param decisionPoint the consent port; not null */
    public ConsentGate(ConsentDecisionPoint decisionPoint) {
        this.decisionPoint = Objects.requireNonNull(decisionPoint);
    }

    /**
     * @param studies   candidate studies, in result order
     * @param requester who asks
     * @return the permitted studies, order kept
     */
    public List<Study> permitted(List<Study> studies, Requester requester) {
        Map<PatientAtCustodian, Integer> index = new LinkedHashMap<>();
        for (Study s : studies) {
            if (!s.patientId().isEmpty()) {
                index.putIfAbsent(PatientAtCustodian.of(s), index.size());
            }
        }
        if (index.isEmpty()) {
            return List.of();
        }
        List<ConsentRequest> requests = new ArrayList<>(index.size());
        index.keySet().forEach(k -> requests.add(k.request(requester)));
        List<ConsentDecision> decisions = decisionPoint.decideAll(requests);
        Map<PatientAtCustodian, Boolean> permitted = new HashMap<>();
        index.forEach((k, i) -> permitted.put(k, decisions != null && i < decisions.size()
                && decisions.get(i) != null && decisions.get(i).permitted()));
        return studies.stream()
                .filter(s -> !s.patientId().isEmpty() && permitted.getOrDefault(PatientAtCustodian.of(s), false))
                .toList();
    }

    /**
     * @param study     one study
     * @param requester who asks
     * @return true when the requester may see it
     */
    public boolean permits(Study study, Requester requester) {
        return !permitted(List.of(study), requester).isEmpty();
    }

    private record PatientAtCustodian(String patientId, String issuer, String custodian) {

        static PatientAtCustodian of(Study s) {
            return new PatientAtCustodian(s.patientId(), s.issuerOfPatientId(), s.custodianOrganizationId());
        }

        ConsentRequest request(Requester r) {
            return new ConsentRequest(patientId, issuer, r.organizationId(), r.country(), r.id(), r.purposeOfUse(),
                    DataClass.IMAGING_STUDY, custodian);
        }
    }
}
