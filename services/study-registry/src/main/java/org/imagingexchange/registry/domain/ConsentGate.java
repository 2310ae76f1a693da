package org.imagingexchange.registry.domain;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.imagingexchange.consent.client.ConsentDecision;
import org.imagingexchange.consent.client.ConsentDecisionPoint;
import org.imagingexchange.consent.client.ConsentRequest;
import org.imagingexchange.consent.client.DataClass;

/**
 * Keeps only the studies a requester may see (data class {@link DataClass#IMAGING_STUDY}). The custodian
 * sees its own studies without a consent call; for every other study the {@link ConsentDecisionPoint} is
 * asked once per distinct (patient, issuer, custodian) and request, in batches of at most
 * {@value #MAX_BATCH}. Studies
 * without a Patient ID are never shown to other organisations (no one can have consented for them).
 * Fail closed and loud: when the consent service cannot decide, the search fails with 503 instead of
 * answering an empty list. Thread-safe.
 */
public final class ConsentGate {

    /** Most decisions asked in one call: the consent service's batch bound ({@code POST /api/decisions/batch}). */
    static final int MAX_BATCH = 1000;

    private final ConsentDecisionPoint decisionPoint;

    /** @param decisionPoint the consent port; not null */
    public ConsentGate(ConsentDecisionPoint decisionPoint) {
        this.decisionPoint = Objects.requireNonNull(decisionPoint);
    }

    /**
     * @param studies   candidate studies, in result order
     * @param requester who asks
     * @param decided   decisions already made in this request (read and extended); not null
     * @return the permitted studies, order kept
     * @throws ConsentUnavailableException (503) when a needed decision could not be made
     */
    public List<Study> permitted(List<Study> studies, Requester requester, Map<PatientAtCustodian, Boolean> decided) {
        LinkedHashSet<PatientAtCustodian> open = new LinkedHashSet<>();
        for (Study s : studies) {
            if (!isCustodian(s, requester) && !s.patientId().isEmpty() && !decided.containsKey(PatientAtCustodian.of(s))) {
                open.add(PatientAtCustodian.of(s));
            }
        }
        List<PatientAtCustodian> all = new ArrayList<>(open);
        for (int from = 0; from < all.size(); from += MAX_BATCH) {
            List<PatientAtCustodian> asked = all.subList(from, Math.min(all.size(), from + MAX_BATCH));
            List<ConsentDecision> answers = decisionPoint.decideAll(asked.stream().map(k -> k.request(requester)).toList());
            for (int i = 0; i < asked.size(); i++) {
                ConsentDecision d = answers == null || i >= answers.size() ? null : answers.get(i);
                if (d == null || d.undecided()) {
                    throw new ConsentUnavailableException("the consent service gave no decision for "
                            + asked.size() + " patient(s) of this search; retry later");
                }
                decided.put(asked.get(i), d.permitted());
            }
        }
        return studies.stream().filter(s -> isCustodian(s, requester)
                || !s.patientId().isEmpty() && decided.getOrDefault(PatientAtCustodian.of(s), false)).toList();
    }

    /**
     * @param study     one study
     * @param requester who asks
     * @return true when the requester may see it
     * @throws ConsentUnavailableException (503) when the decision could not be made
     */
    public boolean permits(Study study, Requester requester) {
        return !permitted(List.of(study), requester, new java.util.HashMap<>()).isEmpty();
    }

    private static boolean isCustodian(Study s, Requester r) {
        return !r.organizationId().isEmpty() && r.organizationId().equals(s.custodianOrganizationId());
    }

    /**
     * The unit of a consent decision: one patient's studies held by one custodian.
     *
     * @param patientId Patient ID
     * @param issuer    Issuer of Patient ID
     * @param custodian custodian organisation
     */
    public record PatientAtCustodian(String patientId, String issuer, String custodian) {

        static PatientAtCustodian of(Study s) {
            return new PatientAtCustodian(s.patientId(), s.issuerOfPatientId(), s.custodianOrganizationId());
        }

        ConsentRequest request(Requester r) {
            return new ConsentRequest(patientId, issuer, r.organizationId(), r.country(), r.id(), r.purposeOfUse(),
                    DataClass.IMAGING_STUDY, custodian, r.emergencyAccess());
        }
    }
}
