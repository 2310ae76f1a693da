package org.imagingexchange.reports.domain;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Set;
import org.imagingexchange.kit.context.Actor;
import org.junit.jupiter.api.Test;

class AuthorshipTest {

    static Actor of(String org) {
        return new Actor("sub", "", "client", org, "NL", "TREAT", Set.of("report-author"), "");
    }

    @Test
    void requireOwnOrganization_ownOrNone_passes() {
        assertDoesNotThrow(() -> Authorship.requireOwnOrganization(Set.of("hospital-a"), of("hospital-a")));
        assertDoesNotThrow(() -> Authorship.requireOwnOrganization(Set.of(), of("hospital-a")));
        assertDoesNotThrow(() -> Authorship.requireOwnOrganization(Set.of(), of("")));
    }

    @Test
    void requireOwnOrganization_anotherOrganization_403() {
        AuthorOrganizationMismatchException e = assertThrows(AuthorOrganizationMismatchException.class,
                () -> Authorship.requireOwnOrganization(Set.of("hospital-a"), of("hospital-b")));
        assertEquals(403, e.status());
    }

    @Test
    void requireOwnOrganization_ownAmongOthers_403() {
        assertThrows(AuthorOrganizationMismatchException.class,
                () -> Authorship.requireOwnOrganization(Set.of("hospital-b", "hospital-a"), of("hospital-b")));
    }

    @Test
    void requireOwnOrganization_tokenWithoutOrganizationNamingOne_403() {
        assertThrows(AuthorOrganizationMismatchException.class,
                () -> Authorship.requireOwnOrganization(Set.of("hospital-a"), of("")));
    }
}
