package org.imagingexchange.registry.domain;

/**
 * The rows a search reads from the index before consent decides: all of them, or (opt-in region) only
 * the requester's own archive's studies plus the studies of patients with a possibly applicable permit
 * directive. A pre-filter that makes non-custodian searches read few rows; it never replaces the consent
 * decision, which {@link ConsentGate} still asks for every non-custodian study it returns.
 *
 * @param organizationId requesting organisation (token {@code organization_id}); null = no restriction
 * @param country        requester's ISO 3166-1 alpha-2 country, upper case; empty when unknown
 */
public record SearchScope(String organizationId, String country) {

    /** No restriction: every matching row is read and consent filters them. */
    public static final SearchScope ALL = new SearchScope(null, "");

    /** Compact constructor: a null country becomes empty. */
    public SearchScope {
        country = country == null ? "" : country;
    }

    /** @return true when the index should return only custodian rows and permit candidates */
    public boolean restricted() {
        return organizationId != null;
    }
}
