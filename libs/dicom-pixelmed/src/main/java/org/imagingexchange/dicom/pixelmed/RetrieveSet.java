package org.imagingexchange.dicom.pixelmed;

import com.pixelmed.dicom.SetOfDicomFiles;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.imagingexchange.dicom.net.RetrievableInstance;

/**
 * The instances of one C-GET or C-MOVE as PixelMed's C-STORE sender walks them (PixelMed sends files
 * named by a {@link SetOfDicomFiles}). Streaming (C-GET): each instance is opened and spooled just
 * before PixelMed sends it and its file deleted when PixelMed moves on, so one instance at a time is
 * on disk and none in memory. Spooled (C-MOVE): PixelMed proposes the presentation contexts of the
 * destination association from every file's SOP class and transfer syntax before the first
 * sub-operation, so all are spooled first; instances that cannot be had are left out and counted as
 * failed by the caller. In both, the walk stops at a C-CANCEL-RQ for the request (PS3.4 C.4.2.3,
 * C.4.3.3); every instance is closed once. Used on the association's thread.
 */
final class RetrieveSet extends SetOfDicomFiles {

    private static final Logger LOG = Logger.getLogger(RetrieveSet.class.getName());

    private final transient List<RetrievableInstance> instances;
    private final transient List<Path> spooled;
    private final transient ScpConnection connection;
    private final transient Path spool;
    private int walks;

    private RetrieveSet(List<RetrievableInstance> instances, List<Path> spooled, ScpConnection connection, Path spool) {
        this.instances = instances;
        this.spooled = spooled;
        this.connection = connection;
        this.spool = spool;
    }

    /** @return a set that opens each instance just before it is sent */
    static RetrieveSet streaming(List<RetrievableInstance> instances, ScpConnection connection, Path spool) {
        return new RetrieveSet(List.copyOf(instances), null, connection, spool);
    }

    /**
     * @return a set of the instances that could be opened now, spooled; the others are closed and left out
     * @throws IOException when the spool folder cannot be written
     */
    static RetrieveSet spooled(List<RetrievableInstance> instances, ScpConnection connection, Path spool)
            throws IOException {
        List<RetrievableInstance> available = new ArrayList<>();
        List<Path> files = new ArrayList<>();
        for (RetrievableInstance instance : instances) {
            try (instance) {
                Path file = fetch(instance, spool);
                if (file != null) {
                    available.add(instance);
                    files.add(file);
                }
            }
        }
        return new RetrieveSet(available, files, connection, spool);
    }

    /** @return the spooled file, null when the instance could not be had */
    private static Path fetch(RetrievableInstance instance, Path spool) throws IOException {
        Path file = Files.createTempFile(spool, "retrieve-", ".dcm");
        try (InputStream in = instance.open()) {
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
            return file;
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "instance " + instance.sopInstanceUid() + " not available for retrieve", e);
            Files.deleteIfExists(file);
            return null;
        }
    }

    @Override
    public int size() {
        return instances.size();
    }

    @Override
    public boolean isEmpty() {
        return instances.isEmpty();
    }

    @Override
    public Iterator<DicomFile> iterator() {
        walks++;
        // A spooled set is walked once for the presentation contexts, then for sending: only the sending walk stops.
        boolean sending = spooled == null || walks > 1;
        return new Iterator<>() {
            private int next;
            private Path current;
            private boolean ended;

            @Override
            public boolean hasNext() {
                if (ended) {
                    return false;
                }
                if (sending) {
                    finishCurrent();
                }
                if (next < instances.size() && !(sending && connection.cancelRequested())) {
                    return true;
                }
                if (sending) {
                    ended = true;
                    if (spooled == null) {
                        instances.subList(next, instances.size()).forEach(RetrievableInstance::close);
                    }
                }
                return false;
            }

            @Override
            public DicomFile next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                RetrievableInstance instance = instances.get(next++);
                if (spooled != null) {
                    current = sending ? spooled.get(next - 1) : null;
                    return new DicomFile(spooled.get(next - 1).toString());
                }
                try {
                    current = fetch(instance, spool);
                } catch (IOException e) {
                    LOG.log(Level.WARNING, "retrieve spool failed", e);
                }
                instance.close();
                // A missing file makes PixelMed count a failed sub-operation.
                String name = current != null ? current.toString() : spool.resolve("unavailable-" + next).toString();
                return current != null ? new DicomFile(name) : new DicomFile(name, null, instance.sopInstanceUid(), null);
            }

            private void finishCurrent() {
                if (current != null) {
                    try {
                        Files.deleteIfExists(current);
                    } catch (IOException e) {
                        LOG.log(Level.FINE, "spool file not deleted: " + current, e);
                    }
                    current = null;
                }
            }
        };
    }

    @Override
    public boolean equals(Object o) {
        return this == o;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }
}
