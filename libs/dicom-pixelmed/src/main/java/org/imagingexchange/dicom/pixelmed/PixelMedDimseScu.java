package org.imagingexchange.dicom.pixelmed;

import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.SOPClass;
import com.pixelmed.dicom.StoredFilePathStrategy;
import com.pixelmed.network.GetSOPClassSCU;
import com.pixelmed.network.IdentifierHandler;
import com.pixelmed.network.MoveSOPClassSCU;
import com.pixelmed.network.ReceivedObjectHandler;
import com.pixelmed.network.VerificationSOPClassSCU;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.imagingexchange.dicom.AeTitle;
import org.imagingexchange.dicom.DicomAttribute;
import org.imagingexchange.dicom.DicomDataset;
import org.imagingexchange.dicom.DimseStatus;
import org.imagingexchange.dicom.net.DimseException;
import org.imagingexchange.dicom.net.DimseScu;
import org.imagingexchange.dicom.net.DimseTimeoutException;
import org.imagingexchange.dicom.net.DimseTransportException;
import org.imagingexchange.dicom.net.QueryRetrieveModel;
import org.imagingexchange.dicom.net.ReceivedInstance;
import org.imagingexchange.dicom.net.RemoteAe;
import org.imagingexchange.dicom.net.TransferResult;

/**
 * {@link DimseScu} on PixelMed's SOP class SCUs; every call opens and releases its own association
 * with our AE title as calling AE title, so one instance serves concurrent callers. C-GET proposes
 * the storage SOP classes of {@link #RETRIEVABLE_STORAGE_SOP_CLASSES} in every transfer syntax
 * PixelMed knows, so instances arrive as stored (compressed ones included). PixelMed does not hand
 * sub-operation counts of C-MOVE to its caller: they are reported as -1.
 *
 * <p>Every association goes through a {@link ReadDeadlineRelay}: connecting, association establishment and each
 * wait for the peer (a response, the next C-STORE sub-operation of a C-GET) are bounded by the read timeout; a
 * peer silent for longer is aborted and reported as {@link DimseTimeoutException}.
 */
public final class PixelMedDimseScu implements DimseScu {

    /** Storage SOP classes a C-GET accepts (SCP role); PS3.4 Annex B, the modalities of the platform. */
    public static final Set<String> RETRIEVABLE_STORAGE_SOP_CLASSES = Set.of(
            SOPClass.CTImageStorage, SOPClass.EnhancedCTImageStorage, SOPClass.MRImageStorage,
            SOPClass.EnhancedMRImageStorage, SOPClass.ComputedRadiographyImageStorage,
            SOPClass.DigitalXRayImageStorageForPresentation, SOPClass.DigitalMammographyXRayImageStorageForPresentation,
            SOPClass.UltrasoundImageStorage, SOPClass.UltrasoundMultiframeImageStorage,
            SOPClass.SecondaryCaptureImageStorage, SOPClass.XRayAngiographicImageStorage,
            SOPClass.XRayRadioFlouroscopicImageStorage, SOPClass.NuclearMedicineImageStorage,
            SOPClass.PETImageStorage, SOPClass.RTImageStorage, SOPClass.RTDoseStorage, SOPClass.RTPlanStorage,
            SOPClass.RTStructureSetStorage, SOPClass.SegmentationStorage, SOPClass.BasicTextSRStorage,
            SOPClass.EnhancedSRStorage, SOPClass.ComprehensiveSRStorage, SOPClass.KeyObjectSelectionDocumentStorage,
            SOPClass.TwelveLeadECGStorage, SOPClass.EncapsulatedPDFStorage,
            SOPClass.MultiframeTrueColorSecondaryCaptureImageStorage,
            SOPClass.MultiframeGrayscaleByteSecondaryCaptureImageStorage,
            SOPClass.MultiframeGrayscaleWordSecondaryCaptureImageStorage);

    /** PixelMed's compression level proposing all lossless and lossy transfer syntaxes. */
    private static final int ALL_TRANSFER_SYNTAXES = 4;

    /** Read timeout of {@link #PixelMedDimseScu(AeTitle)}. */
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(30);

    private final AeTitle callingAeTitle;
    private final Duration readTimeout;
    private final PixelMedPart10Reader reader = new PixelMedPart10Reader();

    /** @param callingAeTitle our AE title, sent as calling AE title; read timeout {@link #DEFAULT_READ_TIMEOUT} */
    public PixelMedDimseScu(AeTitle callingAeTitle) {
        this(callingAeTitle, DEFAULT_READ_TIMEOUT);
    }

    /**
     * @param callingAeTitle our AE title, sent as calling AE title
     * @param readTimeout    longest wait for a TCP connect, an A-ASSOCIATE-AC/RJ or any data awaited from the peer
     * @throws IllegalArgumentException when the timeout is not positive
     */
    public PixelMedDimseScu(AeTitle callingAeTitle, Duration readTimeout) {
        if (readTimeout.isNegative() || readTimeout.isZero()) {
            throw new IllegalArgumentException("a DIMSE read timeout is positive, got " + readTimeout);
        }
        this.callingAeTitle = callingAeTitle;
        this.readTimeout = readTimeout;
    }

    /** @return a relay toward the remote for one association, bounded by the read timeout */
    private ReadDeadlineRelay relay(RemoteAe remote) throws DimseException {
        return relay(remote, true);
    }

    private ReadDeadlineRelay relay(RemoteAe remote, boolean oneAssociation) throws DimseException {
        try {
            return new ReadDeadlineRelay(remote, readTimeout, oneAssociation);
        } catch (IOException e) {
            throw new DimseTransportException("no loopback port for the association to " + remote.aeTitle(), e);
        }
    }

    @Override
    public void echo(RemoteAe remote) throws DimseException {
        try (ReadDeadlineRelay relay = relay(remote)) {
            RemoteAe via = relay.local();
            try {
                new VerificationSOPClassSCU(via.host(), via.port(), remote.aeTitle().value(),
                        callingAeTitle.value(), false);
            } catch (com.pixelmed.network.DicomNetworkException | DicomException | IOException e) {
                throw PixelMedErrors.map(remote, relay, e);
            }
        }
    }

    @Override
    public DimseStatus find(RemoteAe remote, QueryRetrieveModel model, DicomDataset identifier,
            Consumer<DicomDataset> onMatch) throws DimseException {
        RuntimeException[] consumerFailure = new RuntimeException[1];
        IdentifierHandler matches = new IdentifierHandler() {
            @Override
            public void doSomethingWithIdentifier(AttributeList list) throws DicomException {
                if (consumerFailure[0] == null) {
                    try {
                        onMatch.accept(PixelMedAttributes.toDataset(list));
                    } catch (RuntimeException e) {
                        consumerFailure[0] = e;
                    }
                }
            }
        };
        try (ReadDeadlineRelay relay = relay(remote)) {
            RemoteAe via = relay.local();
            try {
                new com.pixelmed.network.FindSOPClassSCU(via.host(), via.port(), remote.aeTitle().value(),
                        callingAeTitle.value(), model.findSopClass(), PixelMedAttributes.toAttributeList(identifier),
                        matches);
            } catch (com.pixelmed.network.DicomNetworkException | DicomException | IOException e) {
                if (!relay.timedOut() && PixelMedErrors.statusOf(e) == DimseStatus.CANCEL.code()) {
                    return DimseStatus.CANCEL;
                }
                throw PixelMedErrors.map(remote, relay, e);
            }
        }
        if (consumerFailure[0] != null) {
            throw consumerFailure[0];
        }
        return DimseStatus.SUCCESS;
    }

    @Override
    public TransferResult get(RemoteAe remote, QueryRetrieveModel model, DicomDataset identifier,
            InstanceConsumer onInstance) throws DimseException {
        Set<String> inStudy = sopClassesInStudy(remote, identifier);
        Path folder = null;
        int[] counts = new int[2];
        ReadDeadlineRelay relay = relay(remote);
        try {
            folder = Files.createTempDirectory("dimse-get-");
            ReceivedObjectHandler delivery = new ReceivedObjectHandler() {
                @Override
                public void sendReceivedObjectIndication(String fileName, String transferSyntax, String aeTitle) {
                    deliver(Path.of(fileName), transferSyntax, onInstance, counts);
                }
            };
            Set<String> storage = inStudy.isEmpty() ? RETRIEVABLE_STORAGE_SOP_CLASSES : inStudy;
            boolean contextPerSyntax = !inStudy.isEmpty() && fitsOneAssociation(inStudy, model);
            RemoteAe via = relay.local();
            new GetSOPClassSCU(via.host(), via.port(), remote.aeTitle().value(), callingAeTitle.value(),
                    model.getSopClass(), PixelMedAttributes.toAttributeList(identifier), null, folder.toFile(),
                    StoredFilePathStrategy.BYSOPINSTANCEUIDINSINGLEFOLDER, delivery, storage,
                    ALL_TRANSFER_SYNTAXES, !contextPerSyntax, contextPerSyntax, false);
        } catch (com.pixelmed.network.DicomNetworkException | DicomException | IOException e) {
            int status = PixelMedErrors.statusOf(e);
            if (relay.timedOut() || status < 0 || DimseStatus.categoryOf(status) == DimseStatus.Category.FAILURE) {
                throw PixelMedErrors.map(remote, relay, e);
            }
            return new TransferResult(DimseStatus.of(status).orElse(DimseStatus.SUB_OPERATIONS_COMPLETE_WITH_FAILURES),
                    counts[0], counts[1], 0);
        } finally {
            relay.close();
            deleteFolder(folder);
        }
        return new TransferResult(counts[1] > 0 ? DimseStatus.SUB_OPERATIONS_COMPLETE_WITH_FAILURES : DimseStatus.SUCCESS,
                counts[0], counts[1], 0);
    }

    /**
     * The SOP classes of the study asked for (SOP Classes in Study, PS3.4 C.6.2.1.2), so that C-GET can
     * offer one presentation context per SOP class and transfer syntax: the archive then sends each
     * instance as stored instead of transcoding (which Orthanc, for one, cannot do for JPEG 2000).
     * Empty when the archive does not say.
     *
     * @throws DimseTimeoutException when the archive does not answer the C-FIND: it will not answer a C-GET either
     */
    private Set<String> sopClassesInStudy(RemoteAe remote, DicomDataset identifier) throws DimseTimeoutException {
        String study = identifier.getString(DicomAttribute.STUDY_INSTANCE_UID);
        if (study == null) {
            return Set.of();
        }
        DicomDataset keys = new DicomDataset().putString(DicomAttribute.QUERY_RETRIEVE_LEVEL, "STUDY")
                .putString(DicomAttribute.STUDY_INSTANCE_UID, study).putString(DicomAttribute.SOP_CLASSES_IN_STUDY);
        Set<String> classes = new java.util.HashSet<>();
        try {
            find(remote, QueryRetrieveModel.STUDY_ROOT, keys, m -> classes.addAll(
                    m.getStrings(DicomAttribute.SOP_CLASSES_IN_STUDY).stream().filter(c -> !c.isEmpty()).toList()));
        } catch (DimseTimeoutException e) {
            throw e;
        } catch (DimseException e) {
            return Set.of();
        }
        return classes;
    }

    private static boolean fitsOneAssociation(Set<String> sopClasses, QueryRetrieveModel model) {
        Set<String> all = new java.util.HashSet<>(sopClasses);
        all.add(model.getSopClass());
        try {
            // PS3.8 §9.3.2.2: at most 128 presentation contexts (odd identifiers 1-255).
            return com.pixelmed.network.PresentationContextListFactory.createNewPresentationContextList(
                    all, ALL_TRANSFER_SYNTAXES, false, true).size() <= 127;
        } catch (com.pixelmed.network.DicomNetworkException e) {
            return false;
        }
    }

    private void deliver(Path file, String transferSyntax, InstanceConsumer onInstance, int[] counts) {
        try (InputStream header = Files.newInputStream(file)) {
            DicomDataset meta = reader.readHeader(header);
            try (InputStream part10 = Files.newInputStream(file)) {
                onInstance.accept(new ReceivedInstance(meta.getString(DicomAttribute.SOP_CLASS_UID),
                        meta.getString(DicomAttribute.SOP_INSTANCE_UID), transferSyntax, part10));
            }
            counts[0]++;
        } catch (IOException | org.imagingexchange.dicom.InvalidDicomObjectException e) {
            counts[1]++;
        } finally {
            file.toFile().delete();
        }
    }

    @Override
    public TransferResult move(RemoteAe remote, QueryRetrieveModel model, DicomDataset identifier,
            AeTitle destination) throws DimseException {
        int status;
        try (ReadDeadlineRelay relay = relay(remote)) {
            RemoteAe via = relay.local();
            try {
                status = new MoveSOPClassSCU(via.host(), via.port(), remote.aeTitle().value(), callingAeTitle.value(),
                        destination.value(), model.moveSopClass(), PixelMedAttributes.toAttributeList(identifier))
                        .getStatus();
            } catch (com.pixelmed.network.DicomNetworkException | DicomException | IOException e) {
                throw PixelMedErrors.map(remote, relay, e);
            }
        }
        if (DimseStatus.categoryOf(status) == DimseStatus.Category.FAILURE) {
            throw new DimseException(status, remote.aeTitle() + " refused C-MOVE to " + destination, null);
        }
        return new TransferResult(DimseStatus.of(status).orElse(DimseStatus.SUB_OPERATIONS_COMPLETE_WITH_FAILURES),
                -1, -1, -1);
    }

    @Override
    public TransferResult store(RemoteAe remote, List<Path> files) throws DimseException {
        StoreRounds rounds;
        try (ReadDeadlineRelay relay = relay(remote, false)) {
            rounds = new StoreRounds(relay.local(), callingAeTitle.value());
            try {
                rounds.send(files);
            } catch (com.pixelmed.network.DicomNetworkException | DicomException | IOException e) {
                if (rounds.succeeded() == 0) {
                    throw PixelMedErrors.map(remote, relay, e);
                }
            }
        }
        int failed = files.size() - rounds.succeeded() - rounds.warned();
        return new TransferResult(failed > 0 ? DimseStatus.SUB_OPERATIONS_COMPLETE_WITH_FAILURES : DimseStatus.SUCCESS,
                rounds.succeeded(), failed, rounds.warned());
    }

    private static void deleteFolder(Path folder) {
        if (folder == null) {
            return;
        }
        java.io.File[] left = folder.toFile().listFiles();
        if (left != null) {
            for (java.io.File f : left) {
                f.delete();
            }
        }
        folder.toFile().delete();
    }
}
