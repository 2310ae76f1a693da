package org.imagingexchange.gateway.domain;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The gateway's route table: public path and method to service, path below the service and the roles
 * needed. DICOMweb searches (QIDO-RS, PS3.18 §10.6) go to the registry, retrievals (WADO-RS, PS3.18
 * §10.4: study, series, instance, metadata, frames, bulkdata) to the retrieval proxy; FHIR R4
 * resources to the service that owns the type; HL7 v2 messages ({@code POST /hl7v2}, ORU^R01 reports) to
 * the report store. Each route also says what it does in SMART scope terms ({@link ResourceAccess}): DICOMweb
 * counts as {@code ImagingStudy}, a report document Bundle and an HL7 v2 report as {@code DiagnosticReport}, a
 * MADO manifest Bundle as an {@code ImagingStudy} create. Pure and thread-safe.
 *
 * <p>Paths are matched raw (as sent, still percent-encoded). Paths that could climb out of the service's
 * tree once decoded ({@code .}/{@code ..} segments, encoded dots or slashes, backslashes, matrix
 * parameters, empty segments) match no route.
 */
public final class RouteTable {

    /** Role for DICOMweb and ImagingStudy reads. */
    public static final String IMAGING_READER = "imaging-reader";
    /** Role for reading reports. */
    public static final String REPORT_READER = "report-reader";
    /** Role for writing reports. */
    public static final String REPORT_AUTHOR = "report-author";
    /** Role for managing consent directives. */
    public static final String CONSENT_MANAGER = "consent-manager";
    /** Role for reading the audit trail. */
    public static final String AUDITOR = "auditor";
    /** Role of hospital systems that register studies (MADO manifests, ImagingStudy) for their own archives. */
    public static final String IMAGING_SOURCE = "imaging-source";
    /** Role of patients (their own consent and access log). */
    public static final String PATIENT = "patient";

    private static final String IMAGING_STUDY = "ImagingStudy";
    private static final String DICOMWEB = "dicomweb";
    private static final String FHIR = "fhir";
    private static final String HL7V2 = "hl7v2";
    private static final Set<String> POST = Set.of("POST");
    private static final Set<String> GET = Set.of("GET");
    private static final Set<String> READ_WRITE = Set.of("GET", "POST", "PUT");
    private static final Set<String> GET_POST = Set.of("GET", "POST");
    /**
     * Every route name the table gives out. A route outside this list cannot be built ({@link Route}), and
     * every name here must have rows in the authorization matrix (test resource authorization-matrix.csv,
     * checked by GatewayRouteMatrixTest and sent through the platform by the all-in-one AuthorizationMatrixIT).
     */
    public static final List<String> ROUTE_NAMES = List.of("qido-rs", "wado-rs", "fhir-imagingstudy",
            "fhir-imagingstudy-register", "fhir-diagnosticreport", "fhir-bundle", "fhir-bundle-mado", "fhir-consent",
            "fhir-auditevent", "hl7v2");

    /** Name of the route of {@code POST /fhir/Bundle} before its body says whether it is a MADO manifest. */
    public static final String BUNDLE_ROUTE = "fhir-bundle";

    /**
     * Resolves a request.
     *
     * @param method  HTTP method, upper case
     * @param rawPath request path below the gateway's context root, raw, starting with '/'; no query
     * @return the route
     * @throws RouteNotFoundException     (404) when no service answers the path
     * @throws MethodNotAllowedException  (405) when the path exists but not for the method
     */
    public Route resolve(String method, String rawPath) {
        List<String> segments = segments(rawPath);
        if (segments.size() >= 2 && DICOMWEB.equals(segments.get(0))) {
            return dicomweb(method, rawPath, segments.subList(1, segments.size()));
        }
        if (segments.size() >= 2 && FHIR.equals(segments.get(0))) {
            return fhir(method, rawPath, segments.subList(1, segments.size()));
        }
        if (segments.size() == 1 && HL7V2.equals(segments.get(0))) {
            requireMethod(method, POST);
            return new Route(HL7V2, Backend.REPORTS, rawPath, Set.of(REPORT_AUTHOR),
                    new ResourceAccess("DiagnosticReport", 'c', false));
        }
        throw notFound(rawPath);
    }

    private Route dicomweb(String method, String rawPath, List<String> rest) {
        String upstream = rawPath; // same layout below the service's base URL
        if (isQido(rest)) {
            requireMethod(method, GET);
            return new Route("qido-rs", Backend.REGISTRY, upstream, Set.of(IMAGING_READER),
                    new ResourceAccess(IMAGING_STUDY, 's', false));
        }
        if (isWado(rest)) {
            requireMethod(method, GET);
            return new Route("wado-rs", Backend.RETRIEVAL, upstream, Set.of(IMAGING_READER),
                    new ResourceAccess(IMAGING_STUDY, 'r', false));
        }
        throw notFound(rawPath);
    }

    /**
     * QIDO-RS (PS3.18 §10.6.1): {@code /studies}, {@code /series}, {@code /instances},
     * {@code /studies/{s}/series}, {@code /studies/{s}/instances}, {@code /studies/{s}/series/{se}/instances}.
     */
    private static boolean isQido(List<String> r) {
        return switch (r.size()) {
            case 1 -> r.get(0).equals("studies") || r.get(0).equals("series") || r.get(0).equals("instances");
            case 3 -> r.get(0).equals("studies") && (r.get(2).equals("series") || r.get(2).equals("instances"));
            case 5 -> r.get(0).equals("studies") && r.get(2).equals("series") && r.get(4).equals("instances");
            default -> false;
        };
    }

    /** WADO-RS resources of PS3.18 §10.4.1: study, series, instance, their metadata, frames, bulkdata. */
    private static boolean isWado(List<String> r) {
        if (r.size() < 2 || !r.get(0).equals("studies")) {
            return false;
        }
        int bulk = r.indexOf("bulkdata");
        if (bulk >= 2) {
            return true;
        }
        return switch (r.size()) {
            case 2, 4, 6 -> levelsMatch(r, r.size());
            case 3, 5, 7 -> r.get(r.size() - 1).equals("metadata") && levelsMatch(r, r.size() - 1);
            case 8 -> r.get(6).equals("frames") && levelsMatch(r, 6);
            default -> false;
        };
    }

    /** @return true when {@code r[0..n)} is {@code studies/{s}[/series/{se}[/instances/{i}]]} */
    private static boolean levelsMatch(List<String> r, int n) {
        String[] keywords = {"studies", null, "series", null, "instances", null};
        for (int i = 0; i < n; i++) {
            String expected = keywords[i];
            if (expected != null && !expected.equals(r.get(i))) {
                return false;
            }
        }
        return true;
    }

    private Route fhir(String method, String rawPath, List<String> rest) {
        String upstream = rawPath;
        String resourceType = rest.get(0);
        switch (resourceType) {
            case "ImagingStudy" -> {
                requireMethod(method, GET_POST);
                return "POST".equals(method)
                        ? new Route("fhir-imagingstudy-register", Backend.REGISTRY, upstream, Set.of(IMAGING_SOURCE),
                                new ResourceAccess(IMAGING_STUDY, 'c', false))
                        : new Route("fhir-imagingstudy", Backend.REGISTRY, upstream, Set.of(IMAGING_READER),
                                new ResourceAccess(IMAGING_STUDY, interaction(method, rest), false));
            }
            case "DiagnosticReport", "Bundle" -> {
                requireMethod(method, READ_WRITE);
                Set<String> roles = "GET".equals(method) ? Set.of(REPORT_READER) : Set.of(REPORT_AUTHOR);
                // A report document Bundle is the report in another shape: the same scopes as DiagnosticReport.
                return new Route("fhir-" + resourceType.toLowerCase(Locale.ROOT), Backend.REPORTS, upstream, roles,
                        new ResourceAccess("DiagnosticReport", interaction(method, rest), false));
            }
            case "Consent" -> {
                requireMethod(method, READ_WRITE);
                return new Route("fhir-consent", Backend.CONSENT, upstream, Set.of(CONSENT_MANAGER, PATIENT),
                        new ResourceAccess("Consent", interaction(method, rest), true));
            }
            case "AuditEvent" -> {
                requireMethod(method, GET);
                return new Route("fhir-auditevent", Backend.AUDIT, upstream, Set.of(AUDITOR, PATIENT),
                        new ResourceAccess("AuditEvent", interaction(method, rest), true));
            }
            default -> throw notFound(rawPath);
        }
    }

    /**
     * The SMART interaction of a FHIR REST call (FHIR R4 §3.1.0 RESTful API): {@code GET [type]} and
     * {@code POST [type]/_search} search, {@code GET [type]/[id]} and everything below it (history, operations such
     * as {@code $manifest}) read, {@code POST [type]} create, {@code PUT [type]/[id]} update, {@code DELETE} delete.
     *
     * @param method HTTP method, upper case
     * @param rest   path segments from the resource type on
     * @return one of {@code c r u d s}
     */
    static char interaction(String method, List<String> rest) {
        boolean typeLevel = rest.size() == 1;
        boolean searchPost = rest.size() == 2 && rest.get(1).equals("_search");
        return switch (method) {
            case "GET" -> typeLevel ? 's' : 'r';
            case "POST" -> searchPost ? 's' : 'c';
            case "PUT", "PATCH" -> 'u';
            case "DELETE" -> 'd';
            default -> 'r';
        };
    }

    /**
     * The route of a {@code POST /fhir/Bundle} whose body is an IHE MADO manifest (see
     * {@link ManifestBundles#isMadoManifest}): to the registry, which registers its studies.
     *
     * @param bundleRoute the route {@link #resolve} gave ({@link #BUNDLE_ROUTE}, to the report store)
     * @return the registry route for the same path, role {@link #IMAGING_SOURCE}
     */
    public Route madoManifest(Route bundleRoute) {
        return new Route("fhir-bundle-mado", Backend.REGISTRY, bundleRoute.upstreamPath(), Set.of(IMAGING_SOURCE),
                new ResourceAccess(IMAGING_STUDY, 'c', false));
    }

    private static void requireMethod(String method, Set<String> allowed) {
        if (!allowed.contains(method)) {
            throw new MethodNotAllowedException(method, allowed);
        }
    }

    /**
     * @return the path's segments
     * @throws RouteNotFoundException when the path is not a plain, normalised path
     */
    static List<String> segments(String rawPath) {
        if (rawPath == null || !rawPath.startsWith("/") || rawPath.length() == 1) {
            throw notFound(rawPath);
        }
        String lower = rawPath.toLowerCase(Locale.ROOT);
        if (lower.contains("%2e") || lower.contains("%2f") || lower.contains("%5c") || lower.contains("%00")
                || rawPath.indexOf('\\') >= 0 || rawPath.indexOf(';') >= 0) {
            throw notFound(rawPath);
        }
        List<String> segments = Arrays.asList(rawPath.substring(1).split("/", -1));
        for (String s : segments) {
            if (s.isEmpty() || s.equals(".") || s.equals("..")) {
                throw notFound(rawPath);
            }
        }
        return segments;
    }

    private static RouteNotFoundException notFound(String rawPath) {
        String shown = rawPath == null ? "" : rawPath.length() > 200 ? rawPath.substring(0, 200) + "..." : rawPath;
        return new RouteNotFoundException("No service answers '" + shown + "'.");
    }
}
