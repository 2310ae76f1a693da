package org.imagingexchange.reports.domain;

import java.util.Set;
import java.util.TreeSet;
import org.imagingexchange.kit.context.Actor;

/**
 * Authorship rule of report intake: the organisation a report is stored for (custodian, eHN A.1.8.6)
 * is always the verified token's {@code organization_id}; a body that names another organisation as
 * author or custodian is refused, never silently rewritten (FHIR R4 gives no rule to overwrite
 * {@code performer}, and a silent rewrite would store a report that says something else than its
 * sender meant). Organisations the body does not identify by {@code urn:imaging-exchange:organization-id}
 * are display text only and are not checked. Pure and thread-safe.
 */
public final class Authorship {

    private Authorship() {
    }

    /**
     * @param claimed organisation ids the body names as author, results interpreter or custodian; not null
     * @param caller  the verified caller; not null
     * @throws AuthorOrganizationMismatchException (403) when any claimed id is not the caller's organisation
     */
    public static void requireOwnOrganization(Set<String> claimed, Actor caller) {
        String own = caller.organizationId();
        if (claimed.stream().anyMatch(id -> own.isEmpty() || !own.equals(id))) {
            throw new AuthorOrganizationMismatchException(new TreeSet<>(claimed), own);
        }
    }
}
