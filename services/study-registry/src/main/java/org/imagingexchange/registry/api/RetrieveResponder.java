package org.imagingexchange.registry.api;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.imagingexchange.dicom.DicomAttribute;
import org.imagingexchange.dicom.DicomDataset;
import org.imagingexchange.dicom.DimseStatus;
import org.imagingexchange.dicom.net.AssociationInfo;
import org.imagingexchange.dicom.net.CGetScpHandler;
import org.imagingexchange.dicom.net.CMoveScpHandler;
import org.imagingexchange.dicom.net.DimseException;
import org.imagingexchange.dicom.net.QueryRetrieveLevel;
import org.imagingexchange.dicom.net.QueryRetrieveModel;
import org.imagingexchange.dicom.net.RetrievableInstance;
import org.imagingexchange.registry.domain.ConsentUnavailableException;
import org.imagingexchange.registry.domain.InvalidQueryParameterException;
import org.imagingexchange.registry.domain.Located;
import org.imagingexchange.registry.domain.QidoQueryParser;
import org.imagingexchange.registry.domain.Requester;
import org.imagingexchange.registry.domain.SearchResult;
import org.imagingexchange.registry.domain.SeriesInstance;
import org.imagingexchange.registry.domain.StudySearch;
import org.imagingexchange.registry.domain.WadoRsRetrieval;

/**
 * The registry's C-GET and C-MOVE SCP (PS3.4 C.4.3 and C.4.2, Study Root and Patient Root, PATIENT / STUDY /
 * SERIES / IMAGE level, hierarchical): the instances are those the registry shows the calling AE's configured
 * organisation for the request's unique keys (the matching and consent filtering of C-FIND and QIDO-RS), and
 * their bytes come through the platform's WADO-RS ({@link WadoRsRetrieval}) retrieved for that organisation,
 * one WADO-RS retrieval per study (PATIENT, STUDY level), series (SERIES) or instance (IMAGE), so that consent
 * decides and audit records exactly as for the same WADO-RS request. Each retrieval's parts are read as the
 * sub-operations go, one instance at a time. A requested study the organisation may not see (or that does
 * not exist) sends nothing, like a 404; its WADO-RS retrieval is still made, so the refusal is audited as it
 * would be over DICOMweb.
 *
 * <p>Statuses: 0124 for a calling AE that acts for no organisation; A900 for a missing unique key or a level
 * the model lacks; A701 for more than the configured number of instances; C000 when consent cannot be
 * decided. Thread-safe; {@link #select} runs where the registry's persistence is available.
 */
public final class RetrieveResponder implements CGetScpHandler, CMoveScpHandler {

    private static final Logger LOG = Logger.getLogger(RetrieveResponder.class.getName());
    private static final int PAGE = 1000;

    private final StudySearch search;
    private final Function<AssociationInfo, Optional<Requester>> callers;
    private final WadoRsRetrieval wado;
    private final int maxInstances;

    /**
     * @param search       the consent-filtered search
     * @param callers      who a calling AE acts for; empty for an AE without an organisation
     * @param wado         the platform's WADO-RS
     * @param maxInstances most instances one request may retrieve, &gt;= 1 (more: A701)
     */
    public RetrieveResponder(StudySearch search, Function<AssociationInfo, Optional<Requester>> callers,
                             WadoRsRetrieval wado, int maxInstances) {
        this.search = search;
        this.callers = callers;
        this.wado = wado;
        this.maxInstances = maxInstances;
    }

    @Override
    public List<RetrievableInstance> select(AssociationInfo association, QueryRetrieveModel model,
                                            QueryRetrieveLevel level, DicomDataset identifier) throws DimseException {
        Requester requester = callers.apply(association).orElseThrow(() -> new DimseException(
                DimseStatus.REFUSED_NOT_AUTHORIZED, "calling AE " + association.callingAeTitle() + " acts for no organisation"));
        if (model == QueryRetrieveModel.STUDY_ROOT && level == QueryRetrieveLevel.PATIENT) {
            throw new DimseException(DimseStatus.IDENTIFIER_DOES_NOT_MATCH_SOP_CLASS,
                    "the Study Root model has no PATIENT level (PS3.4 C.6.2)");
        }
        Map<String, List<String>> keys = uniqueKeys(level, identifier);
        List<Located<SeriesInstance>> found;
        try {
            found = instances(keys, requester);
        } catch (InvalidQueryParameterException e) {
            throw new DimseException(DimseStatus.IDENTIFIER_DOES_NOT_MATCH_SOP_CLASS, e.getMessage());
        } catch (ConsentUnavailableException e) {
            throw new DimseException(DimseStatus.UNABLE_TO_PROCESS, "consent cannot be decided now; try again later");
        }
        auditRefusals(level, keys, found, requester);
        Map<String, Unit> units = new LinkedHashMap<>();
        List<RetrievableInstance> out = new ArrayList<>();
        for (Located<SeriesInstance> l : found) {
            String study = l.study().studyInstanceUid();
            String series = level == QueryRetrieveLevel.SERIES || level == QueryRetrieveLevel.IMAGE
                    ? l.item().series().seriesInstanceUid() : null;
            String sop = level == QueryRetrieveLevel.IMAGE ? l.item().instance().sopInstanceUid() : null;
            Unit unit = units.computeIfAbsent(study + "/" + series + "/" + sop, k -> new Unit(study, series, sop, requester));
            unit.members++;
            out.add(new UnitInstance(unit, l.item().instance().sopInstanceUid()));
        }
        LOG.fine(() -> "C-GET/C-MOVE " + level + " from " + association.callingAeTitle() + ": " + out.size()
                + " instances in " + units.size() + " WADO-RS retrievals");
        return out;
    }

    /** @return the unique keys of the level and the levels above (PS3.4 C.4.2.2.1), each a list of values */
    static Map<String, List<String>> uniqueKeys(QueryRetrieveLevel level, DicomDataset identifier) throws DimseException {
        Map<String, List<String>> keys = new LinkedHashMap<>();
        switch (level) {
            case PATIENT -> required(keys, identifier, DicomAttribute.PATIENT_ID);
            case STUDY -> required(keys, identifier, DicomAttribute.STUDY_INSTANCE_UID);
            case SERIES -> {
                required(keys, identifier, DicomAttribute.STUDY_INSTANCE_UID);
                required(keys, identifier, DicomAttribute.SERIES_INSTANCE_UID);
            }
            case IMAGE -> {
                required(keys, identifier, DicomAttribute.STUDY_INSTANCE_UID);
                required(keys, identifier, DicomAttribute.SERIES_INSTANCE_UID);
                required(keys, identifier, DicomAttribute.SOP_INSTANCE_UID);
            }
        }
        return keys;
    }

    private static void required(Map<String, List<String>> keys, DicomDataset identifier, DicomAttribute attribute)
            throws DimseException {
        List<String> values = new ArrayList<>();
        for (String v : identifier.getStrings(attribute)) {
            if (v != null && !v.isBlank()) {
                if (v.contains("*") || v.contains("?")) {
                    throw new DimseException(DimseStatus.IDENTIFIER_DOES_NOT_MATCH_SOP_CLASS,
                            attribute.keyword() + " is a unique key: no wildcards (PS3.4 C.4.2.2.1)");
                }
                values.add(v.strip());
            }
        }
        if (values.isEmpty()) {
            throw new DimseException(DimseStatus.IDENTIFIER_DOES_NOT_MATCH_SOP_CLASS,
                    attribute.keyword() + " is required at this Query/Retrieve Level (PS3.4 C.4.2.2.1)");
        }
        keys.put(attribute.keyword(), values);
    }

    /** @return every instance the requester may see for the keys, read page by page */
    private List<Located<SeriesInstance>> instances(Map<String, List<String>> keys, Requester requester)
            throws DimseException {
        List<Located<SeriesInstance>> out = new ArrayList<>();
        int offset = 0;
        while (true) {
            Map<String, List<String>> params = new LinkedHashMap<>(keys);
            params.put("limit", List.of(Integer.toString(PAGE)));
            params.put("offset", List.of(Integer.toString(offset)));
            SearchResult<Located<SeriesInstance>> page = search.instances(QidoQueryParser.acrossStudies(params, true),
                    requester);
            out.addAll(page.items());
            if (out.size() > maxInstances) {
                throw new DimseException(DimseStatus.REFUSED_OUT_OF_RESOURCES_NUMBER_OF_MATCHES,
                        "more than " + maxInstances + " instances; retrieve fewer at a time");
            }
            if (!page.more() || page.items().isEmpty()) {
                return out;
            }
            offset += page.items().size();
        }
    }

    /**
     * Requested studies that yielded nothing are retrieved by WADO-RS anyway (answered 404 there): the refusal,
     * or the unknown study, is audited as the same WADO-RS request would be. Only study-level keys name them.
     */
    private void auditRefusals(QueryRetrieveLevel level, Map<String, List<String>> keys,
                               List<Located<SeriesInstance>> found, Requester requester) {
        if (level != QueryRetrieveLevel.STUDY) {
            return;
        }
        Set<String> seen = new LinkedHashSet<>();
        found.forEach(l -> seen.add(l.study().studyInstanceUid()));
        for (String study : keys.get(DicomAttribute.STUDY_INSTANCE_UID.keyword())) {
            if (!seen.contains(study)) {
                try (WadoRsRetrieval.Parts parts = wado.open(study, null, null, requester)) {
                    LOG.warning(() -> "study " + study + " hidden from " + requester.id() + " by the registry was retrievable");
                } catch (IOException e) {
                    LOG.fine(() -> "study " + study + " not retrievable for " + requester.id() + ": " + e.getMessage());
                }
            }
        }
    }

    /** One WADO-RS retrieval shared by the instances it delivers, opened at the first and closed after the last. */
    private final class Unit {
        private final String study;
        private final String series;
        private final String sop;
        private final Requester requester;
        private int members;
        private int closed;
        private WadoRsRetrieval.Parts parts;
        private boolean failed;

        Unit(String study, String series, String sop, Requester requester) {
            this.study = study;
            this.series = series;
            this.sop = sop;
            this.requester = requester;
        }

        InputStream next() throws IOException {
            if (failed) {
                throw new IOException("the WADO-RS retrieval of " + study + " failed");
            }
            try {
                if (parts == null) {
                    parts = wado.open(study, series, sop, requester);
                }
                InputStream part = parts.next();
                if (part == null) {
                    throw new IOException("the source delivered fewer instances of " + study + " than the registry lists");
                }
                return part;
            } catch (IOException e) {
                failed = true;
                throw e;
            }
        }

        void memberClosed() {
            if (++closed == members && parts != null) {
                try {
                    parts.close();
                } catch (IOException e) {
                    LOG.log(Level.FINE, "closing a WADO-RS response", e);
                }
            }
        }
    }

    /** An instance read from its unit's retrieval (the parts come in the source's order, one per sub-operation). */
    private static final class UnitInstance implements RetrievableInstance {
        private final Unit unit;
        private final String sopInstanceUid;

        UnitInstance(Unit unit, String sopInstanceUid) {
            this.unit = unit;
            this.sopInstanceUid = sopInstanceUid;
        }

        @Override
        public String sopInstanceUid() {
            return sopInstanceUid;
        }

        @Override
        public InputStream open() throws IOException {
            return unit.next();
        }

        @Override
        public void close() {
            unit.memberClosed();
        }
    }
}
