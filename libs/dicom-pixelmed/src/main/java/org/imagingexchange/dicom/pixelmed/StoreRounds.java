package org.imagingexchange.dicom.pixelmed;

import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.SetOfDicomFiles;
import com.pixelmed.network.Association;
import com.pixelmed.network.AssociationFactory;
import com.pixelmed.network.DicomNetworkException;
import com.pixelmed.network.MultipleInstanceTransferStatusHandler;
import com.pixelmed.network.PresentationContextListFactory;
import com.pixelmed.network.StorageSOPClassSCU;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.imagingexchange.dicom.DicomAttribute;
import org.imagingexchange.dicom.DicomDataset;
import org.imagingexchange.dicom.InvalidDicomObjectException;
import org.imagingexchange.dicom.TransferSyntax;
import org.imagingexchange.dicom.net.RemoteAe;

/**
 * C-STORE SCU on PixelMed, sending every file in the transfer syntax it is stored in. Two PixelMed
 * habits shape it: on an association it picks the presentation context by SOP class only, so files
 * of one SOP class in different transfer syntaxes go in separate "rounds" (one association each,
 * one context per SOP class and transfer syntax); and its raw file copy garbles Implicit VR Little
 * Endian objects with sequences, so those are read and re-encoded by PixelMed instead (uncompressed,
 * nothing lost). Counts follow PS3.4 §C.4.2.1.5 (completed = succeeded). One instance per call.
 */
final class StoreRounds {

    private final RemoteAe remote;
    private final String callingAeTitle;
    private int succeeded;
    private int failed;
    private int warned;

    StoreRounds(RemoteAe remote, String callingAeTitle) {
        this.remote = remote;
        this.callingAeTitle = callingAeTitle;
    }

    /** Sends the files; unreadable files count as failed. */
    void send(List<Path> files) throws DicomNetworkException, DicomException, IOException {
        List<AttributeList> implicit = new ArrayList<>();
        List<Map<String, String>> roundTs = new ArrayList<>();
        List<SetOfDicomFiles> rounds = new ArrayList<>();
        for (Path file : files) {
            DicomDataset meta = meta(file);
            if (meta == null) {
                failed++;
                continue;
            }
            String sopClass = meta.getString(DicomAttribute.MEDIA_STORAGE_SOP_CLASS_UID);
            String ts = meta.getString(DicomAttribute.TRANSFER_SYNTAX_UID);
            if (TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN.uid().equals(ts)) {
                AttributeList list = new AttributeList();
                list.setDecompressPixelData(false);
                list.read(file.toFile());
                implicit.add(list);
                continue;
            }
            int round = 0;
            while (round < rounds.size() && !ts.equals(roundTs.get(round).getOrDefault(sopClass, ts))) {
                round++;
            }
            if (round == rounds.size()) {
                rounds.add(new SetOfDicomFiles());
                roundTs.add(new HashMap<>());
            }
            roundTs.get(round).put(sopClass, ts);
            rounds.get(round).add(file.toString());
        }
        for (SetOfDicomFiles round : rounds) {
            sendAsEncoded(round);
        }
        if (!implicit.isEmpty()) {
            sendReencoded(implicit);
        }
    }

    private void sendAsEncoded(SetOfDicomFiles round) throws DicomNetworkException, IOException {
        LinkedList<?> contexts = PresentationContextListFactory.createNewPresentationContextList(round, 0, false, false, true);
        Association association = AssociationFactory.createNewAssociation(remote.host(), remote.port(),
                remote.aeTitle().value(), callingAeTitle, contexts, null, false);
        Counter counter = new Counter();
        new StorageSOPClassSCU(association, round, counter);
        association.release();
        add(counter, round.size());
    }

    private void sendReencoded(List<AttributeList> lists) throws DicomNetworkException, DicomException, IOException {
        Set<String> classes = new HashSet<>();
        for (AttributeList l : lists) {
            classes.add(com.pixelmed.dicom.Attribute.getSingleStringValueOrEmptyString(l,
                    com.pixelmed.dicom.TagFromName.SOPClassUID));
        }
        Counter counter = new Counter();
        new StorageSOPClassSCU(remote.host(), remote.port(), remote.aeTitle().value(), callingAeTitle, classes,
                lists.toArray(AttributeList[]::new), 0, counter, null, 0);
        add(counter, lists.size());
    }

    private void add(Counter c, int sent) {
        // PixelMed counts every finished sub-operation as completed, failures and warnings included.
        succeeded += c.completed - c.failed - c.warning;
        failed += c.failed + (sent - c.completed);
        warned += c.warning;
    }

    private static DicomDataset meta(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            DicomDataset header = new PixelMedPart10Reader().readHeader(in);
            return header.getString(DicomAttribute.TRANSFER_SYNTAX_UID) == null
                    || header.getString(DicomAttribute.MEDIA_STORAGE_SOP_CLASS_UID) == null ? null : header;
        } catch (IOException | InvalidDicomObjectException e) {
            return null;
        }
    }

    int succeeded() {
        return succeeded;
    }

    int failed() {
        return failed;
    }

    int warned() {
        return warned;
    }

    /** Last counts PixelMed reported. */
    private static final class Counter extends MultipleInstanceTransferStatusHandler {
        private int completed;
        private int failed;
        private int warning;

        @Override
        public void updateStatus(int remaining, int completed, int failed, int warning, String sopInstanceUid) {
            this.completed = completed;
            this.failed = failed;
            this.warning = warning;
        }
    }
}
