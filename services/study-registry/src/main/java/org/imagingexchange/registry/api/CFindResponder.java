package org.imagingexchange.registry.api;

import jakarta.json.JsonArray;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.imagingexchange.audit.client.AuditEventSink;
import org.imagingexchange.audit.client.AuditOutcome;
import org.imagingexchange.audit.client.AuditRecord;
import org.imagingexchange.audit.client.BalpPattern;
import org.imagingexchange.dicom.DicomDataset;
import org.imagingexchange.dicom.DicomElement;
import org.imagingexchange.dicom.DimseStatus;
import org.imagingexchange.dicom.PersonName;
import org.imagingexchange.dicom.Tag;
import org.imagingexchange.dicom.Vr;
import org.imagingexchange.dicom.json.DicomJsonReader;
import org.imagingexchange.dicom.net.AssociationInfo;
import org.imagingexchange.dicom.net.CFindScpHandler;
import org.imagingexchange.dicom.net.DimseException;
import org.imagingexchange.dicom.net.QueryRetrieveLevel;
import org.imagingexchange.dicom.net.QueryRetrieveModel;
import org.imagingexchange.registry.domain.ConsentUnavailableException;
import org.imagingexchange.registry.domain.DicomAttribute;
import org.imagingexchange.registry.domain.FieldSelection;
import org.imagingexchange.registry.domain.InvalidQueryParameterException;
import org.imagingexchange.registry.domain.Located;
import org.imagingexchange.registry.domain.QidoQueryParser;
import org.imagingexchange.registry.domain.Requester;
import org.imagingexchange.registry.domain.SearchResult;
import org.imagingexchange.registry.domain.Study;
import org.imagingexchange.registry.domain.StudySearch;

/**
 * The registry's C-FIND SCP (PS3.4 Annex C, Query/Retrieve FIND of the Study Root and Patient Root models):
 * answered from the index with the same matching rules and the same consent filtering as QIDO-RS, for the
 * organisation the calling AE title is configured to act for. Matching keys the registry supports (PS3.18
 * Table 10.6.1-5 and the series and instance keys) are matched; other keys of the identifier are return keys
 * only (universal matching, PS3.4 C.2.2.1). Each response carries exactly the attributes of the request
 * identifier (zero length where the registry holds no value), the Query/Retrieve Level, Specific Character
 * Set ISO_IR 192 and Retrieve AE Title (this node: retrieval goes through the platform). PATIENT level of the
 * Patient Root model gives one response per patient of the matching studies.
 *
 * <p>Statuses: A900 for an identifier the registry cannot read (malformed date, UID or level); C000 when
 * consent cannot be decided (never an empty answer that reads as "nothing found"); A701 when more than the
 * configured number of matches would be sent; 0124 for a calling AE that acts for no organisation; A700 when the
 * query cannot be audited. Every query, answered or refused, is audited like a QIDO-RS search (BALP Query with
 * the calling AE, its organisation and purpose of use as agent).
 * Thread-safe.
 */
public final class CFindResponder implements CFindScpHandler {

    private static final Logger LOG = Logger.getLogger(CFindResponder.class.getName());
    private static final int PAGE = 1000;
    private static final int QUERY_RETRIEVE_LEVEL = 0x00080052;
    private static final int SPECIFIC_CHARACTER_SET = 0x00080005;
    private static final int RETRIEVE_AE_TITLE = 0x00080054;
    private static final Set<Integer> PATIENT_TAGS = Set.of(0x00100010, 0x00100020, 0x00100021, 0x00100030, 0x00100040);

    private final StudySearch search;
    private final DicomJsonWriter writer;
    private final Function<AssociationInfo, Optional<Requester>> callers;
    private final String retrieveAeTitle;
    private final int maxMatches;
    private final AuditEventSink audit;
    private final String auditSource;

    /**
     * @param search          the consent-filtered search
     * @param wadoBase        the platform's public WADO-RS base (Retrieve URL of the QIDO model; not sent here)
     * @param callers         who a calling AE acts for; empty for an AE without an organisation
     * @param retrieveAeTitle this node's AE title, sent as Retrieve AE Title (0008,0054)
     * @param maxMatches      most matches one request may return, &gt;= 1
     * @param audit           where each query is recorded (BALP Query, the patients and studies answered), before
     *                        any response is sent
     * @param auditSource     this service's name as the audit source
     */
    public CFindResponder(StudySearch search, String wadoBase, Function<AssociationInfo, Optional<Requester>> callers,
                          String retrieveAeTitle, int maxMatches, AuditEventSink audit, String auditSource) {
        this.search = search;
        this.writer = new DicomJsonWriter(wadoBase);
        this.callers = callers;
        this.retrieveAeTitle = retrieveAeTitle;
        this.maxMatches = maxMatches;
        this.audit = audit;
        this.auditSource = auditSource;
    }

    @Override
    public Stream<DicomDataset> find(AssociationInfo association, QueryRetrieveModel model, QueryRetrieveLevel level,
                                     DicomDataset identifier) throws DimseException {
        Requester requester = callers.apply(association).orElseThrow(() -> new DimseException(
                DimseStatus.REFUSED_NOT_AUTHORIZED, "calling AE " + association.callingAeTitle() + " acts for no organisation"));
        if (model == QueryRetrieveModel.STUDY_ROOT && level == QueryRetrieveLevel.PATIENT) {
            throw new DimseException(DimseStatus.IDENTIFIER_DOES_NOT_MATCH_SOP_CLASS,
                    "the Study Root model has no PATIENT level (PS3.4 C.6.2)");
        }
        Map<String, List<String>> params = parameters(level, identifier);
        List<Study> touched = new ArrayList<>();
        String query = model + " " + level + " " + params;
        List<DicomDataset> matches;
        try {
            matches = switch (level) {
                case PATIENT -> patients(params, requester, touched);
                case STUDY -> collect(offset -> search.studies(QidoQueryParser.studies(paged(params, offset)), requester),
                        items -> writer.studies(items, new FieldSelection(true, Set.of())), s -> s, touched);
                case SERIES -> collect(offset -> search.series(QidoQueryParser.acrossStudies(paged(params, offset), false),
                        requester), writer::seriesAcross, Located::study, touched);
                case IMAGE -> collect(offset -> search.instances(QidoQueryParser.acrossStudies(paged(params, offset), true),
                        requester), writer::instancesAcross, Located::study, touched);
            };
        } catch (InvalidQueryParameterException e) {
            throw audited(requester, query, new DimseException(DimseStatus.IDENTIFIER_DOES_NOT_MATCH_SOP_CLASS, e.getMessage()));
        } catch (ConsentUnavailableException e) {
            throw audited(requester, query, new DimseException(DimseStatus.UNABLE_TO_PROCESS,
                    "consent cannot be decided now; try again later"));
        } catch (TooManyMatches e) {
            throw audited(requester, query, new DimseException(DimseStatus.REFUSED_OUT_OF_RESOURCES_NUMBER_OF_MATCHES,
                    "more than " + maxMatches + " matches; narrow the query"));
        }
        record(requester, query, AuditOutcome.SUCCESS, "", touched);
        LOG.fine(() -> "C-FIND " + model + " " + level + " from " + association.callingAeTitle() + ": " + matches.size()
                + " matches");
        return matches.stream().map(m -> project(m, identifier, level));
    }

    /** @return QIDO-RS parameters: supported matching keys with their values, everything else a return key */
    static Map<String, List<String>> parameters(QueryRetrieveLevel level, DicomDataset identifier) {
        boolean series = level == QueryRetrieveLevel.SERIES || level == QueryRetrieveLevel.IMAGE;
        boolean instance = level == QueryRetrieveLevel.IMAGE;
        Map<String, List<String>> params = new LinkedHashMap<>();
        for (DicomElement e : identifier.elements()) {
            Optional<DicomAttribute> attribute = DicomAttribute.byName(Tag.toHex(e.tag()));
            if (attribute.isEmpty() || !QidoQueryParser.isMatchingKey(attribute.get(), series, instance)) {
                continue;
            }
            List<String> values = new ArrayList<>();
            for (Object v : e.values()) {
                String text = v instanceof PersonName pn ? pn.toDicomString() : v == null ? "" : v.toString().strip();
                if (!text.isEmpty() && !text.equals("*")) {
                    values.add(text);
                }
            }
            if (!values.isEmpty()) {
                params.put(attribute.get().keyword(), values);
            }
        }
        params.put("includefield", List.of("all"));
        return params;
    }

    private static Map<String, List<String>> paged(Map<String, List<String>> params, int offset) {
        Map<String, List<String>> p = new LinkedHashMap<>(params);
        p.put("limit", List.of(Integer.toString(PAGE)));
        p.put("offset", List.of(Integer.toString(offset)));
        return p;
    }

    /** @return every permitted match, read page by page in result order */
    private <T> List<DicomDataset> collect(IntFunction<SearchResult<T>> pageAt, Function<List<T>, JsonArray> toJson,
                                           Function<T, Study> studyOf, List<Study> touched) {
        List<DicomDataset> out = new ArrayList<>();
        int offset = 0;
        while (true) {
            SearchResult<T> page = pageAt.apply(offset);
            page.items().forEach(item -> touched.add(studyOf.apply(item)));
            for (JsonValue v : toJson.apply(page.items())) {
                out.add(DicomJsonReader.read(v.asJsonObject()));
            }
            if (out.size() > maxMatches) {
                throw new TooManyMatches();
            }
            if (!page.more() || page.items().isEmpty()) {
                return out;
            }
            offset += page.items().size();
        }
    }

    /** Patient level (Patient Root): one response per distinct patient of the matching studies. */
    private List<DicomDataset> patients(Map<String, List<String>> params, Requester requester, List<Study> touched) {
        Map<String, Study> byPatient = new LinkedHashMap<>();
        int offset = 0;
        while (true) {
            SearchResult<Study> found = search.studies(QidoQueryParser.studies(paged(params, offset)), requester);
            touched.addAll(found.items());
            for (Study s : found.items()) {
                byPatient.putIfAbsent(s.patientId() + "\u0000" + s.issuerOfPatientId(), s);
            }
            if (byPatient.size() > maxMatches) {
                throw new TooManyMatches();
            }
            if (!found.more() || found.items().isEmpty()) {
                break;
            }
            offset += found.items().size();
        }
        List<DicomDataset> out = new ArrayList<>();
        for (JsonValue v : writer.studies(List.copyOf(byPatient.values()), FieldSelection.DEFAULT)) {
            DicomDataset study = DicomJsonReader.read(v.asJsonObject());
            DicomDataset patient = new DicomDataset();
            study.elements().stream().filter(e -> PATIENT_TAGS.contains(e.tag())).forEach(patient::put);
            out.add(patient);
        }
        return out;
    }

    /** @return the match reduced to the request's attributes (zero length where absent) plus the level's fixed ones */
    private DicomDataset project(DicomDataset match, DicomDataset identifier, QueryRetrieveLevel level) {
        DicomDataset out = new DicomDataset();
        for (DicomElement requested : identifier.elements()) {
            int tag = requested.tag();
            if (tag == QUERY_RETRIEVE_LEVEL || tag == SPECIFIC_CHARACTER_SET || tag == RETRIEVE_AE_TITLE) {
                continue;
            }
            out.put(match.get(tag).orElseGet(() -> DicomElement.of(tag, requested.vr(), List.of())));
        }
        out.put(DicomElement.of(SPECIFIC_CHARACTER_SET, Vr.CS, List.of(DicomJsonWriter.UTF8_CHARACTER_SET)));
        out.put(DicomElement.of(QUERY_RETRIEVE_LEVEL, Vr.CS, List.of(level.name())));
        out.put(DicomElement.of(RETRIEVE_AE_TITLE, Vr.AE, List.of(retrieveAeTitle)));
        return out;
    }

    private DimseException audited(Requester requester, String query, DimseException failure) throws DimseException {
        AuditOutcome outcome = failure.statusCode() == DimseStatus.UNABLE_TO_PROCESS.code() ? AuditOutcome.SERIOUS_FAILURE
                : AuditOutcome.MINOR_FAILURE;
        record(requester, query, outcome, "DIMSE status " + DimseStatus.hex(failure.statusCode()), List.of());
        return failure;
    }

    /**
     * Records the query (BALP Query: agent the calling AE with its organisation, the patients and studies
     * answered) durably before any response goes out.
     *
     * @throws DimseException A700 when the record cannot be made durable: no unaudited answer
     */
    private void record(Requester requester, String query, AuditOutcome outcome, String detail, List<Study> touched)
            throws DimseException {
        List<AuditRecord.PatientRef> patients = touched.stream()
                .map(s -> new AuditRecord.PatientRef(s.patientId(), s.issuerOfPatientId())).distinct().toList();
        List<AuditRecord.EntityRef> entities = new ArrayList<>();
        touched.stream().map(Study::studyInstanceUid).distinct()
                .forEach(uid -> entities.add(new AuditRecord.EntityRef("ImagingStudy", uid, null)));
        entities.add(new AuditRecord.EntityRef("query", query, "DICOM C-FIND"));
        AuditRecord.Agent agent = new AuditRecord.Agent("", "", requester.id(), requester.organizationId(),
                requester.country(), requester.purposeOfUse());
        try {
            audit.record(new AuditRecord(UUID.randomUUID().toString(), Instant.now(),
                    patients.isEmpty() ? BalpPattern.QUERY : BalpPattern.PATIENT_QUERY, outcome, detail, auditSource,
                    UUID.randomUUID().toString(), agent, patients, entities));
        } catch (RuntimeException e) {
            LOG.log(java.util.logging.Level.SEVERE, "C-FIND from " + requester.id() + " not audited; refused", e);
            throw new DimseException(DimseStatus.REFUSED_OUT_OF_RESOURCES, "the access could not be audited");
        }
    }

    /** More matches than one request may return. */
    private static final class TooManyMatches extends RuntimeException {
        TooManyMatches() {
            super(null, null, false, false);
        }
    }
}
