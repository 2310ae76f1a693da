package org.imagingexchange.registry.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.logging.Logger;
import org.imagingexchange.kit.problem.ProblemException.Issue;

/**
 * Registers studies a hospital system announces (IHE MADO manifest, FHIR option, or a single ImagingStudy)
 * and merges them with what crawls and C-STORE already put in the index: one record per Study Instance UID,
 * series and instances added or updated, nothing the index knows removed.
 *
 * <p>Where a study can be retrieved is never taken on trust: the manifest's WADO-RS address must be the
 * configured address of one of the calling organisation's own source archives (the platform's retrieval
 * proxy only ever reaches configured archives, and an organisation registers only what its own archives
 * hold). A manifest without an address registers at the organisation's only archive. The archive's later
 * crawls stay authoritative: a study the archive does not list is withdrawn from it as usual.
 *
 * <p>All studies of one request are checked before any is registered; the caller runs {@link #register}
 * in one transaction, so a request is registered whole or not at all. Thread-safe.
 */
public final class StudyRegistrar {

    private static final Logger LOG = Logger.getLogger(StudyRegistrar.class.getName());

    private final StudyIndex index;
    private final SourceArchives sources;

    /**
     * @param index   the study index
     * @param sources the configured source archives
     */
    public StudyRegistrar(StudyIndex index, SourceArchives sources) {
        this.index = Objects.requireNonNull(index);
        this.sources = Objects.requireNonNull(sources);
    }

    /**
     * What one registered study became.
     *
     * @param studyInstanceUid the study
     * @param sourceId         the source archive it was registered at
     * @param created          true when the study was new to the index
     */
    public record Registered(String studyInstanceUid, String sourceId, boolean created) {
    }

    /**
     * Checks every study, then registers them all.
     *
     * @param caller  the verified caller; its organisation must own the archives named
     * @param studies the studies of one request, not empty
     * @return one outcome per study, in request order
     * @throws RegistrationForbiddenException (403) naming every study whose Endpoint is another
     *                                        organisation's archive, or when the organisation has no archive here
     * @throws RegistrationRejectedException (422) naming every problem: no organisation in the token, an
     *                                       address that is no configured archive, no address where the
     *                                       organisation has several archives, a study listed twice
     */
    public List<Registered> register(Requester caller, List<StudyRegistration> studies) {
        List<SourceArchive> targets = check(caller, studies);
        List<Registered> out = new ArrayList<>(studies.size());
        for (int i = 0; i < studies.size(); i++) {
            StudyRegistration r = studies.get(i);
            SourceArchive source = targets.get(i);
            StudyManifest manifest = StudyManifest.of(r.header().withDefaultIssuer(source.defaultIssuer()), r.series(),
                    source.organizationId());
            boolean created = index.registerStudy(source, manifest);
            out.add(new Registered(r.header().studyInstanceUid(), source.id(), created));
            LOG.info(() -> "registration by " + caller.organizationId() + " (" + caller.id() + "): study "
                    + r.header().studyInstanceUid() + (created ? " created" : " merged") + " at source " + source.id());
        }
        return out;
    }

    /** @return the source archive of each study, in request order */
    private List<SourceArchive> check(Requester caller, List<StudyRegistration> studies) {
        List<Issue> issues = new ArrayList<>();
        List<Issue> forbidden = new ArrayList<>();
        String organization = caller.organizationId() == null ? "" : caller.organizationId();
        if (organization.isEmpty()) {
            throw new RegistrationRejectedException(List.of(new Issue("Bundle",
                    "the access token names no organisation (organization_id), so no archive can be attributed")));
        }
        List<SourceArchive> own = sources.ofOrganization(organization).stream()
                .filter(s -> s.wadoRsBaseUrl() != null && !s.wadoRsBaseUrl().isBlank()).toList();
        List<SourceArchive> targets = new ArrayList<>(studies.size());
        List<String> seen = new ArrayList<>();
        for (StudyRegistration r : studies) {
            String uid = r.header().studyInstanceUid();
            if (seen.contains(uid)) {
                issues.add(new Issue(r.location(), "study " + uid + " is listed more than once"));
            }
            seen.add(uid);
            SourceArchive target = null;
            if (r.endpointAddress() == null) {
                if (own.size() == 1) {
                    target = own.get(0);
                } else if (own.isEmpty()) {
                    forbidden.add(new Issue(r.location() + ".endpoint", "organisation " + organization
                            + " has no source archive configured at this platform, so it holds no study to register"));
                } else {
                    issues.add(new Issue(r.location() + ".endpoint", "an Endpoint is required: organisation "
                            + organization + " has " + own.size() + " archives"));
                }
            } else {
                String wanted = normalise(r.endpointAddress());
                target = own.stream().filter(s -> normalise(s.wadoRsBaseUrl()).equals(wanted)).findFirst().orElse(null);
                boolean others = sources.all().stream().anyMatch(s -> s.wadoRsBaseUrl() != null
                        && normalise(s.wadoRsBaseUrl()).equals(wanted) && !organization.equals(s.organizationId()));
                if (target == null && others) {
                    forbidden.add(new Issue(r.location() + ".endpoint", "Endpoint.address is an archive of another"
                            + " organisation; organisation " + organization + " registers only what its own archives hold"));
                } else if (target == null) {
                    issues.add(new Issue(r.location() + ".endpoint", "Endpoint.address is not the WADO-RS address of"
                            + " a source archive of organisation " + organization + " configured at this platform"));
                }
            }
            targets.add(target);
        }
        if (!forbidden.isEmpty()) {
            throw new RegistrationForbiddenException(forbidden);
        }
        if (!issues.isEmpty()) {
            throw new RegistrationRejectedException(issues);
        }
        return targets;
    }

    /** @return the address without trailing slashes, scheme and host in lower case */
    static String normalise(String address) {
        String a = address.strip();
        while (a.endsWith("/")) {
            a = a.substring(0, a.length() - 1);
        }
        int path = a.indexOf('/', a.indexOf("://") + 3);
        return path < 0 || a.indexOf("://") < 0 ? a.toLowerCase(Locale.ROOT)
                : a.substring(0, path).toLowerCase(Locale.ROOT) + a.substring(path);
    }
}
