package org.imagingexchange.audit.client;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Durable file outbox of audit records: one JSON (JSON-B) file per record in one directory, written
 * as temporary file, forced to disk ({@code fsync}), then atomically renamed, so a file is either
 * absent or complete. File names start with a zero-padded microsecond stamp that never goes backwards
 * within a process, so lexical order is the order of {@link #append}. Thread-safe; the files are the
 * only state, so a new instance over the same directory continues where a previous one stopped.
 */
public final class AuditOutbox {

    /** Suffix of pending record files. */
    static final String SUFFIX = ".json";
    /** Suffix of files being written (ignored by readers, removed on start). */
    static final String TEMP_SUFFIX = ".tmp";
    /** Sub-directory for records the audit service refused as invalid (kept, never deleted). */
    static final String REJECTED_DIR = "rejected";

    private final Path dir;
    private final Clock clock;
    private final Jsonb jsonb = JsonbBuilder.create();
    private final AtomicLong lastStamp = new AtomicLong();

    /**
     * Opens (and creates) the outbox directory and removes half-written temporary files a crash left.
     *
     * @param dir   directory of this service's outbox; created when missing
     * @param clock source of the file-name stamps
     * @throws UncheckedIOException when the directory cannot be created or listed
     */
    public AuditOutbox(Path dir, Clock clock) {
        this.dir = dir;
        this.clock = clock;
        try {
            Files.createDirectories(dir);
            try (DirectoryStream<Path> temps = Files.newDirectoryStream(dir, "*" + TEMP_SUFFIX)) {
                for (Path temp : temps) {
                    Files.deleteIfExists(temp);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("audit outbox " + dir + " not usable", e);
        }
    }

    /** @return the outbox directory */
    public Path directory() {
        return dir;
    }

    /**
     * Writes the record durably: temp file, fsync, atomic rename, fsync of the directory.
     *
     * @param record the record; not null
     * @return the file that now holds the record
     * @throws IOException when any step fails; the record is then not in the outbox
     */
    public Path append(AuditRecord record) throws IOException {
        String name = String.format("%017d-%s", nextStamp(), safe(record.eventId()));
        Path temp = dir.resolve(name + TEMP_SUFFIX);
        Path target = dir.resolve(name + SUFFIX);
        byte[] json = jsonb.toJson(record).getBytes(StandardCharsets.UTF_8);
        try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            ByteBuffer buffer = ByteBuffer.wrap(json);
            while (buffer.hasRemaining()) {
                ch.write(buffer);
            }
            ch.force(true);
        } catch (IOException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
        syncDirectory();
        return target;
    }

    /**
     * @return pending record files, oldest first (lexical order of the time-stamped names)
     * @throws IOException when the directory cannot be listed
     */
    public List<Path> pending() throws IOException {
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir, "*" + SUFFIX)) {
            stream.forEach(files::add);
        }
        files.sort(null);
        return files;
    }

    /** @return number of pending record files; 0 when the directory cannot be listed */
    public int backlog() {
        try {
            return pending().size();
        } catch (IOException e) {
            return 0;
        }
    }

    /**
     * @param file a file from {@link #pending()}
     * @return the record it holds
     * @throws IOException when the file cannot be read
     * @throws jakarta.json.bind.JsonbException when it does not hold a record
     */
    public AuditRecord read(Path file) throws IOException {
        return jsonb.fromJson(Files.readString(file, StandardCharsets.UTF_8), AuditRecord.class);
    }

    /**
     * Removes a delivered record.
     *
     * @param file a file from {@link #pending()}
     * @throws IOException when it cannot be deleted (it is then delivered again; the service de-duplicates)
     */
    public void delete(Path file) throws IOException {
        try {
            Files.delete(file);
        } catch (NoSuchFileException e) {
            return;
        }
        syncDirectory();
    }

    /**
     * Moves a record the audit service refused as invalid out of the delivery queue into
     * {@value #REJECTED_DIR}/, so later records are not blocked and nothing is lost.
     *
     * @param file a file from {@link #pending()}
     * @return the new location
     * @throws IOException when the move fails
     */
    public Path reject(Path file) throws IOException {
        Path rejected = Files.createDirectories(dir.resolve(REJECTED_DIR));
        Path target = rejected.resolve(file.getFileName());
        Files.move(file, target, StandardCopyOption.ATOMIC_MOVE);
        syncDirectory();
        return target;
    }

    /** @return microseconds since the epoch, strictly increasing within this instance */
    private long nextStamp() {
        Instant now = clock.instant();
        long micros = ChronoUnit.MICROS.between(Instant.EPOCH, now);
        return lastStamp.updateAndGet(last -> Math.max(last + 1, micros));
    }

    private void syncDirectory() {
        // Makes the rename itself durable (POSIX); platforms that cannot open a directory skip it.
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // Not supported here (e.g. Windows); the rename is still atomic.
        }
    }

    private static String safe(String eventId) {
        String id = eventId == null ? "" : eventId.replaceAll("[^A-Za-z0-9._-]", "_");
        return id.length() > 64 ? id.substring(0, 64) : id;
    }
}
