package org.imagingexchange.registry.integration;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.UserTransaction;
import java.io.IOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.imagingexchange.audit.client.AuditEventSink;
import org.imagingexchange.dicom.AeTitle;
import org.imagingexchange.dicom.DicomAttribute;
import org.imagingexchange.dicom.DicomDataset;
import org.imagingexchange.dicom.DimseStatus;
import org.imagingexchange.dicom.SopClass;
import org.imagingexchange.dicom.Uid;
import org.imagingexchange.dicom.net.AssociationInfo;
import org.imagingexchange.dicom.net.CFindScpHandler;
import org.imagingexchange.dicom.net.CGetScpHandler;
import org.imagingexchange.dicom.net.CMoveScpHandler;
import org.imagingexchange.dicom.net.RemoteAe;
import org.imagingexchange.kit.security.ServiceTokenProvider;
import org.imagingexchange.registry.api.RetrieveResponder;
import org.imagingexchange.dicom.net.DimseException;
import org.imagingexchange.dicom.net.DimseScp;
import org.imagingexchange.dicom.net.DimseScpConfig;
import org.imagingexchange.dicom.net.InstanceHeader;
import org.imagingexchange.dicom.pixelmed.PixelMedDimseScp;
import org.imagingexchange.registry.api.CFindResponder;
import org.imagingexchange.registry.config.DimseCaller;
import org.imagingexchange.registry.config.RegistryConfig;
import org.imagingexchange.registry.domain.Instance;
import org.imagingexchange.registry.domain.InstanceIngest;
import org.imagingexchange.registry.domain.PatientIdentifier;
import org.imagingexchange.registry.domain.RegistrationRejectedException;
import org.imagingexchange.registry.domain.Requester;
import org.imagingexchange.registry.domain.Series;
import org.imagingexchange.registry.domain.SourceArchive;
import org.imagingexchange.registry.domain.SourceArchives;
import org.imagingexchange.registry.domain.Study;
import org.imagingexchange.registry.domain.StudyIndex;
import org.imagingexchange.registry.domain.StudyRegistrar;
import org.imagingexchange.registry.domain.StudyRegistration;
import org.imagingexchange.registry.domain.StudySearch;
import org.imagingexchange.registry.persistence.RegistrySchema;

/**
 * The registry as a DICOM node: AE {@code exchange.dimse.ae-title} (default {@code EXCHANGE}) on
 * {@code exchange.dimse.port} (default 11112) answers C-ECHO, C-STORE, C-FIND, C-GET and C-MOVE (PS3.4 Annex A,
 * B, C) through
 * the DICOM port of {@code libs/dicom} (PixelMed behind it). Only the AE titles of configured sources and of the
 * configured callers ({@code exchange.dimse.aes}) may associate (others are rejected, reason 3 "calling AE title
 * not recognized"). C-STORE is for sources only; C-FIND ({@link CFindResponder}) acts for the calling AE's
 * configured organisation (a source's AE for the source's organisation), with QIDO-RS matching and consent,
 * on a container thread; so do C-GET and C-MOVE ({@link RetrieveResponder}: the instances the registry shows
 * that organisation, their bytes through the retrieval proxy's WADO-RS for it), C-MOVE sending only to the
 * configured AEs with a host and port. Each stored instance's header
 * (never the pixels; every transfer syntax) is indexed under that source on a container thread. A header
 * without Study, Series or SOP Instance UID fails with A900, an index failure with A700; nothing is indexed
 * then. A Key Object Selection manifest (IHE XDS-I / MADO) registers the studies it references instead of
 * being indexed. Instances of one study are indexed one at a time (striped lock), so parallel associations never
 * create a study twice.
 */
@ApplicationScoped
public class RegistryDimseNode {

    private static final Logger LOG = Logger.getLogger(RegistryDimseNode.class.getName());
    private static final int STRIPES = 64;
    /** HL7 v3 PurposeOfUse of DIMSE queries: workstations and PACS query for treatment (no token carries one). */
    static final String PURPOSE_OF_USE = "TREAT";

    @Resource
    ManagedExecutorService executor;
    @Inject
    RegistryConfig config;
    @Inject
    SourceArchives sources;
    @Inject
    StudyIndex index;
    @Inject
    StudySearch search;
    @Inject
    AuditEventSink audit;
    @Inject
    StudyRegistrar registrar;
    @Inject
    ServiceTokenProvider tokens;
    @Resource
    UserTransaction transaction;
    /** This service as audit source (AuditEvent.source.observer), named as the HTTP audit filter names it. */
    @Inject
    @ConfigProperty(name = "exchange.service.name", defaultValue = "imaging-exchange")
    String serviceName;

    private final Object[] stripes = new Object[STRIPES];
    private volatile InstanceIngest ingest;
    private volatile DimseScp scp;

    void onStart(@Observes @Priority(RegistrySchema.PRIORITY + 30) @Initialized(ApplicationScoped.class) Object event) {
        int port = config.dimsePort();
        if (port <= 0) {
            LOG.info("DIMSE port off (exchange.dimse.port)");
            return;
        }
        for (int i = 0; i < STRIPES; i++) {
            stripes[i] = new Object();
        }
        ingest = new InstanceIngest(index);
        Map<String, DimseCaller> configured = new HashMap<>();
        config.dimseCallers().forEach(c -> configured.put(c.aeTitle(), c));
        Set<AeTitle> callers = new HashSet<>();
        sources.aeTitles().forEach(ae -> callers.add(new AeTitle(ae)));
        configured.keySet().forEach(ae -> callers.add(new AeTitle(ae)));
        CFindResponder responder = new CFindResponder(search, config.publicWadoBase(),
                association -> requester(configured, association), config.dimseAeTitle(), config.dimseFindMaxMatches(),
                audit, serviceName);
        CFindScpHandler find = (association, model, level, identifier) ->
                onContainerThread(() -> responder.find(association, model, level, identifier).toList()).stream();
        RetrieveResponder retriever = new RetrieveResponder(search, association -> requester(configured, association),
                new RetrievalProxyWadoRs(config.retrievalUrl(), tokens), config.dimseRetrieveMaxInstances());
        CGetScpHandler get = (association, model, level, identifier) ->
                onContainerThread(() -> retriever.select(association, model, level, identifier));
        CMoveScpHandler move = get::select;
        try {
            scp = PixelMedDimseScp.start(new DimseScpConfig(new AeTitle(config.dimseAeTitle()), config.dimseBindAddress(),
                    port, callers, moveDestinations(configured.values()), this::store, find, get, move));
            LOG.info(() -> "DICOM AE " + config.dimseAeTitle() + " listening on " + config.dimseBindAddress() + ":" + port
                    + " for " + callers);
        } catch (IOException e) {
            // The registry still serves QIDO-RS and FHIR; readiness does not depend on the DIMSE port.
            LOG.log(Level.SEVERE, "DICOM port " + port + " could not be opened; C-STORE is off", e);
        }
    }

    @PreDestroy
    void stop() {
        if (scp != null) {
            scp.close();
        }
    }

    /** @return the configured AEs that are C-MOVE destinations (host and port set), by AE title */
    private static Map<AeTitle, RemoteAe> moveDestinations(java.util.Collection<DimseCaller> callers) {
        Map<AeTitle, RemoteAe> out = new HashMap<>();
        for (DimseCaller c : callers) {
            if (c.moveDestination().isPresent()) {
                AeTitle ae = new AeTitle(c.aeTitle());
                out.put(ae, new RemoteAe(ae, c.host(), c.port()));
            }
        }
        return out;
    }

    /** @return who a calling AE acts for: its configured organisation, else its source's; empty for neither */
    private Optional<Requester> requester(Map<String, DimseCaller> configured, AssociationInfo association) {
        String ae = association.callingAeTitle().value();
        DimseCaller caller = configured.get(ae);
        if (caller != null) {
            return Optional.of(new Requester(caller.organizationId(), caller.country(), "AE:" + ae, PURPOSE_OF_USE));
        }
        return sources.byAeTitle(ae).map(s -> new Requester(s.organizationId(), "", "AE:" + ae, PURPOSE_OF_USE));
    }

    private interface DimseWork<T> {
        T run() throws DimseException;
    }

    /** Runs DIMSE work on a container thread (transactions, persistence context) and waits for it. */
    private <T> T onContainerThread(DimseWork<T> work) throws DimseException {
        try {
            return executor.submit(work::run).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DimseException(DimseStatus.REFUSED_OUT_OF_RESOURCES, "interrupted");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof DimseException d) {
                throw d;
            }
            LOG.log(Level.WARNING, "C-FIND / C-GET / C-MOVE failed", e.getCause());
            throw new DimseException(DimseStatus.UNABLE_TO_PROCESS, "the registry could not answer the query");
        }
    }

    /** C-STORE handler: runs the indexing on a container thread (transactions, persistence context). */
    private DimseStatus store(AssociationInfo association, InstanceHeader header) throws DimseException {
        SourceArchive source = sources.byAeTitle(association.callingAeTitle().value()).orElseThrow(() ->
                new DimseException(DimseStatus.REFUSED_NOT_AUTHORIZED, "calling AE " + association.callingAeTitle() + " is no source"));
        if (SopClass.KEY_OBJECT_SELECTION_DOCUMENT.equals(header.sopClassUid())) {
            return registerManifest(association, source, header);
        }
        Parsed p = parse(header);
        try {
            executor.submit(() -> {
                synchronized (stripes[Math.floorMod(p.study().studyInstanceUid().hashCode(), STRIPES)]) {
                    return ingest.ingest(source, p.study(), p.series(), p.instance());
                }
            }).get();
            return DimseStatus.SUCCESS;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DimseException(DimseStatus.REFUSED_OUT_OF_RESOURCES, "interrupted while indexing");
        } catch (ExecutionException | RuntimeException e) {
            LOG.log(Level.WARNING, "C-STORE of " + header.sopInstanceUid() + " from " + source.id() + " not indexed", e);
            throw new DimseException(DimseStatus.REFUSED_OUT_OF_RESOURCES, "the registry could not index the instance");
        }
    }

    /**
     * A Key Object Selection manifest (IHE XDS-I / MADO) registers the studies it references, in one
     * transaction, for the sending source's organisation at the archive its Retrieve URL or Retrieve AE Title
     * names (see {@link KeyObjectSelectionReader}, {@link StudyRegistrar}); the KOS itself is not indexed.
     * A manifest that cannot be registered fails with C000 and an error comment naming the first problem.
     */
    private DimseStatus registerManifest(AssociationInfo association, SourceArchive source, InstanceHeader header)
            throws DimseException {
        List<StudyRegistration> studies = KeyObjectSelectionReader.read(header.attributes(),
                ae -> sources.byAeTitle(ae).map(SourceArchive::wadoRsBaseUrl).filter(url -> !url.isBlank()));
        if (studies.isEmpty()) {
            throw new DimseException(DimseStatus.IDENTIFIER_DOES_NOT_MATCH_SOP_CLASS,
                    "the Key Object Selection references no study (Current Requested Procedure Evidence Sequence)");
        }
        Requester requester = new Requester(source.organizationId(), "", "AE:" + association.callingAeTitle().value(),
                PURPOSE_OF_USE);
        try {
            onContainerThread(() -> {
                try {
                    transaction.begin();
                    try {
                        registrar.register(requester, studies);
                        transaction.commit();
                    } catch (RuntimeException e) {
                        transaction.rollback();
                        throw e;
                    }
                } catch (RegistrationRejectedException e) {
                    throw new DimseException(DimseStatus.UNABLE_TO_PROCESS, e.issues().get(0).location() + ": "
                            + e.issues().get(0).message());
                } catch (jakarta.transaction.NotSupportedException | jakarta.transaction.SystemException
                         | jakarta.transaction.RollbackException | jakarta.transaction.HeuristicMixedException
                         | jakarta.transaction.HeuristicRollbackException e) {
                    throw new DimseException(DimseStatus.REFUSED_OUT_OF_RESOURCES.code(), "manifest not registered", e);
                }
                return null;
            });
        } catch (DimseException e) {
            LOG.warning(() -> "KOS " + header.sopInstanceUid() + " from " + source.id() + " not registered: " + e.getMessage());
            throw e;
        }
        LOG.info(() -> "KOS " + header.sopInstanceUid() + " from " + source.id() + ": " + studies.size()
                + " studies registered");
        return DimseStatus.SUCCESS;
    }

    private record Parsed(Study study, Series series, Instance instance) {
    }

    private static Parsed parse(InstanceHeader header) throws DimseException {
        DicomDataset a = header.attributes();
        String studyUid = a.getString(DicomAttribute.STUDY_INSTANCE_UID);
        String seriesUid = a.getString(DicomAttribute.SERIES_INSTANCE_UID);
        String sopUid = header.sopInstanceUid();
        for (String uid : new String[] {studyUid, seriesUid, sopUid}) {
            if (!Uid.isValid(uid)) {
                throw new DimseException(DimseStatus.IDENTIFIER_DOES_NOT_MATCH_SOP_CLASS,
                        "the data set lacks a valid Study, Series or SOP Instance UID");
            }
        }
        List<PatientIdentifier> others = HeaderValues.otherPatientIds(a);
        Study study = new Study(studyUid, a.getString(DicomAttribute.PATIENT_ID),
                a.getString(DicomAttribute.ISSUER_OF_PATIENT_ID), HeaderValues.name(a, DicomAttribute.PATIENT_NAME),
                HeaderValues.date(a, DicomAttribute.PATIENT_BIRTH_DATE), a.getString(DicomAttribute.PATIENT_SEX),
                HeaderValues.date(a, DicomAttribute.STUDY_DATE), a.getString(DicomAttribute.STUDY_TIME),
                a.getString(DicomAttribute.ACCESSION_NUMBER), null, a.getString(DicomAttribute.STUDY_ID),
                a.getString(DicomAttribute.STUDY_DESCRIPTION), HeaderValues.name(a, DicomAttribute.REFERRING_PHYSICIAN_NAME),
                a.getString(DicomAttribute.INSTITUTION_NAME), List.of(), List.of(), List.of(), others, 0, 0, null);
        Series series = new Series(seriesUid, a.getString(DicomAttribute.MODALITY),
                HeaderValues.integer(a, DicomAttribute.SERIES_NUMBER), a.getString(DicomAttribute.SERIES_DESCRIPTION),
                a.getString(DicomAttribute.BODY_PART_EXAMINED), 0);
        Instance instance = new Instance(sopUid, header.sopClassUid(), HeaderValues.integer(a, DicomAttribute.INSTANCE_NUMBER),
                HeaderValues.integer(a, DicomAttribute.NUMBER_OF_FRAMES));
        return new Parsed(study, series, instance);
    }

    /** @return the bound port, empty when the DIMSE port is off or could not be opened */
    public Optional<Integer> port() {
        return Optional.ofNullable(scp).map(DimseScp::port);
    }
}
