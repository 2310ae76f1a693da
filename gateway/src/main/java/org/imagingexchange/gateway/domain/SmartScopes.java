package org.imagingexchange.gateway.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The SMART-style scopes of an access token (SMART App Launch 2.x, § "Scopes for requesting FHIR resources";
 * IHE IUA leaves the scope vocabulary to the profile in use), parsed from the space-separated {@code scope} claim
 * (RFC 8693 §4.2 / RFC 9068 §2.2.3). Grammar accepted, case-sensitive as in the specification:
 * {@code (system|user|patient)/(<ResourceType>|*).(<v2 letters c?r?u?d?s? in that order>|read|write|*)}, optionally
 * followed by {@code ?param=value} constraints. A v1 {@code .read} means {@code rs}, {@code .write} means
 * {@code cud}, {@code .*} means {@code cruds}. Any other scope ({@code openid}, {@code profile}, …) is ignored.
 *
 * <p>Decision ({@link #permits}): a scope grants an access when its resource type is the access's or {@code *}
 * and its letters include the interaction; a scope carrying {@code ?} constraints is not honoured (the gateway
 * cannot evaluate them for every route, so it does not pretend to); a {@code patient/} scope counts only for
 * routes whose service restricts the caller to its own patient ({@link ResourceAccess#patientCompartment()}) and
 * only when the token names that patient. Immutable and thread-safe.
 */
public final class SmartScopes {

    /** The scope context (the part before '/'). */
    public enum Context {
        /** Backend service acting on its own behalf (client credentials). */
        SYSTEM,
        /** A user, with the user's own permissions. */
        USER,
        /** A patient context: only that patient's data. */
        PATIENT
    }

    /** One parsed resource scope. */
    record Scope(Context context, String resourceType, String letters, boolean constrained) {
    }

    private static final SmartScopes NONE = new SmartScopes(List.of());

    private final List<Scope> scopes;

    private SmartScopes(List<Scope> scopes) {
        this.scopes = List.copyOf(scopes);
    }

    /** @return a token without resource scopes */
    public static SmartScopes none() {
        return NONE;
    }

    /**
     * @param claim the token's {@code scope} claim (space-separated); null or blank gives {@link #none()}
     * @return the resource scopes it holds; malformed entries are skipped
     */
    public static SmartScopes parse(String claim) {
        if (claim == null || claim.isBlank()) {
            return NONE;
        }
        List<Scope> out = new ArrayList<>();
        for (String s : claim.trim().split("\\s+")) {
            Scope parsed = parseOne(s);
            if (parsed != null) {
                out.add(parsed);
            }
        }
        return out.isEmpty() ? NONE : new SmartScopes(out);
    }

    static Scope parseOne(String s) {
        int slash = s.indexOf('/');
        int dot = s.lastIndexOf('.', s.indexOf('?') < 0 ? s.length() : s.indexOf('?'));
        if (slash <= 0 || dot <= slash + 1 || s.length() > 200) {
            return null;
        }
        Context context = switch (s.substring(0, slash)) {
            case "system" -> Context.SYSTEM;
            case "user" -> Context.USER;
            case "patient" -> Context.PATIENT;
            default -> null;
        };
        String type = s.substring(slash + 1, dot);
        if (context == null || !(type.equals("*") || type.matches("[A-Z][A-Za-z]{1,63}"))) {
            return null;
        }
        int q = s.indexOf('?', dot);
        String permission = q < 0 ? s.substring(dot + 1) : s.substring(dot + 1, q);
        String letters = switch (permission) {
            case "read" -> "rs";
            case "write" -> "cud";
            case "*" -> "cruds";
            default -> permission.matches("c?r?u?d?s?") && !permission.isEmpty() ? permission : null;
        };
        if (letters == null) {
            return null;
        }
        return new Scope(context, type, letters, q >= 0);
    }

    /** @return true when the token holds no resource scope at all */
    public boolean isEmpty() {
        return scopes.isEmpty();
    }

    /**
     * @param access           what the route does
     * @param tokenHasPatient  true when the token carries a patient context ({@code patient_id} claim)
     * @return true when one of the scopes grants the access
     */
    public boolean permits(ResourceAccess access, boolean tokenHasPatient) {
        for (Scope s : scopes) {
            if (s.constrained()) {
                continue;
            }
            if (s.context() == Context.PATIENT && !(access.patientCompartment() && tokenHasPatient)) {
                continue;
            }
            if ((s.resourceType().equals("*") || s.resourceType().equals(access.resourceType()))
                    && s.letters().indexOf(access.interaction()) >= 0) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        List<String> shown = new ArrayList<>();
        for (Scope s : scopes) {
            shown.add(s.context().name().toLowerCase(Locale.ROOT) + "/" + s.resourceType() + "." + s.letters()
                    + (s.constrained() ? "?…" : ""));
        }
        return String.join(" ", shown);
    }
}
