package org.imagingexchange.audit.client;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbException;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Durable, append-only journal of audit records with group commit: the outbox of one service.
 *
 * <p>Layout of the directory: segment files {@code <start>.seg} (start = the journal position of their first
 * byte, 20 digits), each a sequence of frames {@code [int length][int CRC-32C of payload][payload: the record as
 * JSON-B, UTF-8]} (big-endian); a marker {@code delivered} holding the position up to which records reached the
 * audit service ({@code [long position][int CRC-32C]}); {@code rejected/} with records the audit service refused.
 * A position is a segment's start plus a byte offset in it; positions only grow.
 *
 * <p>Group commit: {@link #append} writes its frame under a short lock, then waits until a {@code fdatasync}
 * that began after its write has finished; one thread syncs for all writers that queued meanwhile, so under
 * load many records share one sync. A writer returns once its record is durable.
 *
 * <p>Recovery ({@link #open}): the directory is listed once; every undelivered segment is read frame by frame;
 * a frame that is cut short or whose checksum does not match (a crash during a write) ends its segment: the
 * segment is truncated there and a warning names the bytes dropped, so a torn record is never delivered.
 * Delivered segments are deleted when a newer one exists. The delivered marker is written after each batch
 * delivered (temporary file, forced, renamed); if a crash loses it, the records after the previous marker are
 * delivered again, which the audit service de-duplicates by event id.
 *
 * <p>Thread-safe: any number of writers; one reader (the deliverer) at a time. One process per directory: the
 * journal holds a file lock ({@code journal.lock}) while open.
 */
public final class AuditJournal implements Closeable {

    /** Default size at which a new segment is started. */
    public static final int DEFAULT_SEGMENT_BYTES = 16 * 1024 * 1024;
    /** Largest payload a frame may hold; a larger length field marks a torn or corrupt frame. */
    static final int MAX_RECORD_BYTES = 1024 * 1024;
    static final String SEGMENT_SUFFIX = ".seg";
    static final String MARKER = "delivered";
    static final String LOCK = "journal.lock";
    static final String REJECTED_DIR = "rejected";
    static final String REFUSED_FILE = "refused.jsonl";
    private static final int HEADER = 8;
    private static final int READ_BLOCK = 256 * 1024;
    private static final Logger LOG = Logger.getLogger(AuditJournal.class.getName());

    private final Path dir;
    private final int segmentBytes;
    private final Jsonb jsonb = JsonbBuilder.create();
    private final ReentrantLock writeLock = new ReentrantLock();
    private final ReentrantLock syncLock = new ReentrantLock();
    /** Segment start to file; guarded by {@link #writeLock} for changes, copied for reads. */
    private final TreeMap<Long, Path> segments = new TreeMap<>();
    private final AtomicLong pending = new AtomicLong();
    private final AtomicLong syncs = new AtomicLong();
    private FileChannel lockChannel;
    private volatile Tail tail;
    private volatile long durable;
    private volatile long delivered;

    /** The segment being appended to and the journal position after its last written byte. */
    private record Tail(long start, FileChannel channel, long written) {
    }

    /**
     * One record read back from the journal.
     *
     * @param record the record; null when the frame's payload is not a record (then see {@code raw})
     * @param raw    the frame's payload as written
     * @param end    journal position after this frame (what {@link #markDelivered} takes)
     */
    public record Entry(AuditRecord record, byte[] raw, long end) {
    }

    private AuditJournal(Path dir, int segmentBytes) {
        this.dir = dir;
        this.segmentBytes = segmentBytes;
    }

    /**
     * Opens (creating when missing) the journal in {@code dir} and recovers it after a crash (see the class
     * comment): lists the directory once, truncates a torn tail, counts the undelivered records.
     *
     * @param dir          directory of this service's journal
     * @param segmentBytes size in bytes after which a new segment file is started
     * @return the open journal; close it to release its files
     * @throws UncheckedIOException when the directory cannot be created, read or repaired
     */
    public static AuditJournal open(Path dir, int segmentBytes) {
        AuditJournal journal = new AuditJournal(dir, segmentBytes);
        try {
            journal.recover();
        } catch (IOException e) {
            journal.releaseLock();
            throw new UncheckedIOException("audit journal " + dir + " not usable", e);
        }
        return journal;
    }

    /**
     * Reads every whole record kept in a journal directory, delivered or not, without changing anything (for
     * tools and tests looking at a running service's journal): each segment up to its first incomplete frame.
     *
     * @param dir a journal directory
     * @return the records' JSON texts in journal order; empty when the directory does not exist
     * @throws IOException when a segment cannot be read
     */
    public static List<String> readJson(Path dir) throws IOException {
        List<String> texts = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return texts;
        }
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir, "*" + SEGMENT_SUFFIX)) {
            stream.forEach(files::add);
        }
        files.sort(null);
        for (Path file : files) {
            ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(file));
            while (bytes.remaining() >= HEADER) {
                int length = bytes.getInt(bytes.position());
                if (length <= 0 || length > bytes.remaining() - HEADER) {
                    break;
                }
                byte[] raw = new byte[length];
                bytes.get(bytes.position() + HEADER, raw);
                if (crc(raw, 0, length) != bytes.getInt(bytes.position() + 4)) {
                    break;
                }
                texts.add(new String(raw, StandardCharsets.UTF_8));
                bytes.position(bytes.position() + HEADER + length);
            }
        }
        return texts;
    }

    /** @return the journal directory */
    public Path directory() {
        return dir;
    }

    /** @return records appended and not yet marked delivered */
    public long backlog() {
        return pending.get();
    }

    /** @return {@code fdatasync} calls made for appends since the journal was opened (records per sync = group size) */
    public long syncs() {
        return syncs.get();
    }

    /** @return the position up to which records were delivered */
    public long deliveredUpTo() {
        return delivered;
    }

    /**
     * Appends the record and returns once it is on disk (group commit: one {@code fdatasync} for all writers
     * waiting at the same time).
     *
     * @param record the record; not null
     * @return the journal position after the record
     * @throws IOException when the write or the sync fails; the record must then be taken as not written
     */
    public long append(AuditRecord record) throws IOException {
        byte[] payload = jsonb.toJson(record).getBytes(StandardCharsets.UTF_8);
        if (payload.length > MAX_RECORD_BYTES) {
            throw new IOException("audit record " + record.eventId() + " is " + payload.length + " bytes, above "
                    + MAX_RECORD_BYTES);
        }
        ByteBuffer frame = frame(payload);
        long end;
        writeLock.lock();
        try {
            Tail t = tail;
            if (t.written - t.start > 0 && t.written - t.start + frame.remaining() > segmentBytes) {
                t = roll(t);
            }
            while (frame.hasRemaining()) {
                t.channel.write(frame);
            }
            end = t.written + frame.capacity();
            tail = new Tail(t.start, t.channel, end);
            pending.incrementAndGet();
        } finally {
            writeLock.unlock();
        }
        awaitDurable(end);
        return end;
    }

    /**
     * Reads durable records after a position, in append order.
     *
     * @param from position to read from: {@link #deliveredUpTo()} or an {@link Entry#end()}
     * @param max  most entries to return
     * @return up to {@code max} entries; empty when nothing durable follows {@code from}
     * @throws IOException when a segment cannot be read
     */
    public List<Entry> read(long from, int max) throws IOException {
        List<Entry> entries = new ArrayList<>();
        long position = from;
        long limit = durable;
        while (entries.size() < max && position < limit) {
            Map.Entry<Long, Path> segment = segmentAt(position);
            if (segment == null) {
                break;
            }
            // Before the oldest kept segment (its predecessors were delivered and deleted): start there.
            position = Math.max(position, segment.getKey());
            long next = readSegment(segment, position, limit, max, entries);
            if (next == position) {
                // End of this segment: continue at the next one.
                Long following = nextSegmentStart(segment.getKey());
                if (following == null) {
                    break;
                }
                position = following;
            } else {
                position = next;
            }
        }
        return entries;
    }

    /**
     * Notes that every record up to {@code position} reached the audit service: writes the marker and deletes
     * segments that hold only delivered records (never the one being appended to).
     *
     * @param position an {@link Entry#end()} at or after {@link #deliveredUpTo()}
     * @param records  how many records that position covers beyond the previous one
     * @throws IOException when the marker cannot be written (the records are then delivered again later)
     */
    public void markDelivered(long position, int records) throws IOException {
        if (position <= delivered) {
            return;
        }
        ByteBuffer marker = ByteBuffer.allocate(12).putLong(position);
        marker.putInt(crc(marker.array(), 0, 8)).flip();
        Path temp = dir.resolve(MARKER + ".tmp");
        try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            while (marker.hasRemaining()) {
                ch.write(marker);
            }
            ch.force(false);
        }
        Files.move(temp, dir.resolve(MARKER), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        delivered = position;
        pending.addAndGet(-records);
        deleteDeliveredSegments();
    }

    /**
     * Keeps a record the audit service refused (or that cannot be read) in {@code rejected/refused.jsonl},
     * one JSON line each, so it leaves the delivery queue without being lost.
     *
     * @param entry the entry
     * @param why   the reason, logged
     * @throws IOException when it cannot be written
     */
    public void reject(Entry entry, String why) throws IOException {
        Path rejected = Files.createDirectories(dir.resolve(REJECTED_DIR)).resolve(REFUSED_FILE);
        byte[] line = new byte[entry.raw().length + 1];
        System.arraycopy(entry.raw(), 0, line, 0, entry.raw().length);
        line[line.length - 1] = '\n';
        try (FileChannel ch = FileChannel.open(rejected, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND)) {
            ByteBuffer buffer = ByteBuffer.wrap(line);
            while (buffer.hasRemaining()) {
                ch.write(buffer);
            }
            ch.force(false);
        }
        LOG.severe(() -> "audit record set aside in " + rejected + ": " + why);
    }

    @Override
    public void close() throws IOException {
        writeLock.lock();
        try {
            syncLock.lock();
            try {
                tail.channel.force(false);
                tail.channel.close();
            } finally {
                syncLock.unlock();
                lockChannel.close();
            }
        } finally {
            writeLock.unlock();
        }
    }

    private void awaitDurable(long end) throws IOException {
        if (durable >= end) {
            return;
        }
        syncLock.lock();
        try {
            if (durable >= end) {
                return;
            }
            // Everything written so far, including frames of writers queued behind this one, is synced now.
            Tail t = tail;
            t.channel.force(false);
            syncs.incrementAndGet();
            durable = Math.max(durable, t.written);
        } finally {
            syncLock.unlock();
        }
    }

    /**
     * Seals the full segment (synced before any record goes to the next one) and starts a new one; under the
     * sync lock, so a concurrent sync never sees the sealed segment's closed channel.
     */
    private Tail roll(Tail full) throws IOException {
        syncLock.lock();
        try {
            full.channel.force(false);
            durable = Math.max(durable, full.written);
            Tail next = openSegment(full.written);
            tail = next;
            full.channel.close();
            return next;
        } finally {
            syncLock.unlock();
        }
    }

    private Tail openSegment(long start) throws IOException {
        Path file = dir.resolve(String.format("%020d%s", start, SEGMENT_SUFFIX));
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        long size = channel.size();
        channel.position(size);
        synchronized (segments) {
            segments.put(start, file);
        }
        syncDirectory();
        return new Tail(start, channel, start + size);
    }

    private void recover() throws IOException {
        Files.createDirectories(dir);
        lock();
        Files.deleteIfExists(dir.resolve(MARKER + ".tmp"));
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*" + SEGMENT_SUFFIX)) {
            for (Path file : files) {
                String name = file.getFileName().toString();
                segments.put(Long.parseLong(name.substring(0, name.length() - SEGMENT_SUFFIX.length())), file);
            }
        }
        delivered = readMarker();
        long records = 0;
        for (Map.Entry<Long, Path> segment : new ArrayList<>(segments.entrySet())) {
            records += scanAndRepair(segment.getKey(), segment.getValue());
        }
        pending.set(records);
        long start = segments.isEmpty() ? delivered : segments.lastKey();
        tail = openSegment(start);
        durable = tail.written;
        if (delivered > tail.written) {
            // A marker beyond the end (segments lost): nothing after it can be undelivered.
            delivered = tail.written;
        }
        deleteDeliveredSegments();
    }

    private void releaseLock() {
        try {
            if (lockChannel != null) {
                lockChannel.close();
            }
        } catch (IOException e) {
            LOG.log(Level.FINE, "closing the lock of " + dir, e);
        }
    }

    /** One process, one journal: a second writer would interleave frames. */
    private void lock() throws IOException {
        lockChannel = FileChannel.open(dir.resolve(LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        try {
            if (lockChannel.tryLock() == null) {
                lockChannel.close();
                throw new IOException("audit journal " + dir + " is in use by another process");
            }
        } catch (java.nio.channels.OverlappingFileLockException e) {
            lockChannel.close();
            throw new IOException("audit journal " + dir + " is already open in this process", e);
        }
    }

    /** @return records after the delivered marker in this segment; truncates it at its first bad frame */
    private long scanAndRepair(long start, Path file) throws IOException {
        long records = 0;
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            long size = ch.size();
            long offset = 0;
            ByteBuffer header = ByteBuffer.allocate(HEADER);
            while (offset < size) {
                String bad = null;
                int length = 0;
                if (size - offset < HEADER) {
                    bad = "a frame header cut short";
                } else {
                    header.clear();
                    readFully(ch, header, offset);
                    length = header.getInt(0);
                    if (length <= 0 || length > MAX_RECORD_BYTES) {
                        bad = "an invalid frame length " + length;
                    } else if (size - offset - HEADER < length) {
                        bad = "a record cut short (" + (size - offset - HEADER) + " of " + length + " bytes)";
                    } else {
                        ByteBuffer payload = ByteBuffer.allocate(length);
                        readFully(ch, payload, offset + HEADER);
                        if (crc(payload.array(), 0, length) != header.getInt(4)) {
                            bad = "a record whose checksum does not match";
                        }
                    }
                }
                if (bad != null) {
                    long dropped = size - offset;
                    String why = bad;
                    long at = offset;
                    LOG.warning(() -> "audit journal " + file + ": " + why + " at byte " + at
                            + " (torn write of a crash); truncating " + dropped + " bytes, the record(s) there are dropped");
                    ch.truncate(offset);
                    ch.force(true);
                    break;
                }
                offset += HEADER + length;
                if (start + offset > delivered) {
                    records++;
                }
            }
        }
        return records;
    }

    /** Reads frames of one segment from {@code position} up to {@code limit}; returns the position reached. */
    private long readSegment(Map.Entry<Long, Path> segment, long position, long limit, int max, List<Entry> out)
            throws IOException {
        long start = segment.getKey();
        try (FileChannel ch = FileChannel.open(segment.getValue(), StandardOpenOption.READ)) {
            long end = Math.min(ch.size(), limit - start);
            long offset = position - start;
            while (out.size() < max && offset + HEADER <= end) {
                int want = (int) Math.min(READ_BLOCK, end - offset);
                ByteBuffer block = ByteBuffer.allocate(want);
                readFully(ch, block, offset);
                int at = 0;
                while (out.size() < max && at + HEADER <= want) {
                    int length = block.getInt(at);
                    if (length <= 0 || length > MAX_RECORD_BYTES) {
                        throw new IOException("audit journal " + segment.getValue() + ": invalid frame at byte "
                                + (offset + at));
                    }
                    if (at + HEADER + length > want) {
                        if (at == 0) {
                            // A frame larger than the block: read it alone.
                            block = ByteBuffer.allocate(HEADER + length);
                            readFully(ch, block, offset);
                            want = block.capacity();
                            continue;
                        }
                        break;
                    }
                    byte[] raw = new byte[length];
                    block.get(at + HEADER, raw);
                    if (crc(raw, 0, length) != block.getInt(at + 4)) {
                        throw new IOException("audit journal " + segment.getValue() + ": checksum mismatch at byte "
                                + (offset + at));
                    }
                    at += HEADER + length;
                    out.add(new Entry(parse(raw), raw, start + offset + at));
                }
                if (at == 0) {
                    break;
                }
                offset += at;
            }
            return start + offset;
        }
    }

    private AuditRecord parse(byte[] raw) {
        try {
            return jsonb.fromJson(new String(raw, StandardCharsets.UTF_8), AuditRecord.class);
        } catch (JsonbException e) {
            return null;
        }
    }

    private Map.Entry<Long, Path> segmentAt(long position) {
        synchronized (segments) {
            Map.Entry<Long, Path> e = segments.floorEntry(position);
            return e == null ? segments.firstEntry() : e;
        }
    }

    private Long nextSegmentStart(long start) {
        synchronized (segments) {
            return segments.higherKey(start);
        }
    }

    private void deleteDeliveredSegments() throws IOException {
        List<Path> done = new ArrayList<>();
        synchronized (segments) {
            Long next;
            while (!segments.isEmpty() && (next = segments.higherKey(segments.firstKey())) != null
                    && next <= delivered) {
                done.add(segments.pollFirstEntry().getValue());
            }
        }
        for (Path file : done) {
            Files.deleteIfExists(file);
        }
    }

    private long readMarker() throws IOException {
        Path marker = dir.resolve(MARKER);
        if (!Files.exists(marker)) {
            return segments.isEmpty() ? 0 : segments.firstKey();
        }
        byte[] bytes = Files.readAllBytes(marker);
        if (bytes.length != 12 || crc(bytes, 0, 8) != ByteBuffer.wrap(bytes).getInt(8)) {
            LOG.warning(() -> "audit journal " + marker + " is damaged; delivering every kept record again"
                    + " (the audit service ignores the ones it has)");
            return segments.isEmpty() ? 0 : segments.firstKey();
        }
        long position = ByteBuffer.wrap(bytes).getLong(0);
        return segments.isEmpty() ? position : Math.max(position, segments.firstKey());
    }

    private void syncDirectory() {
        // Makes a new segment's name durable (POSIX); platforms that cannot open a directory skip it.
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            LOG.log(Level.FINE, "directory sync not supported for " + dir, e);
        }
    }

    private static ByteBuffer frame(byte[] payload) {
        ByteBuffer frame = ByteBuffer.allocate(HEADER + payload.length);
        frame.putInt(payload.length).putInt(crc(payload, 0, payload.length)).put(payload).flip();
        return frame;
    }

    private static int crc(byte[] bytes, int offset, int length) {
        java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
        crc.update(bytes, offset, length);
        return (int) crc.getValue();
    }

    private static void readFully(FileChannel ch, ByteBuffer buffer, long position) throws IOException {
        long at = position;
        while (buffer.hasRemaining()) {
            int n = ch.read(buffer, at);
            if (n < 0) {
                throw new IOException("unexpected end of " + ch + " at byte " + at);
            }
            at += n;
        }
    }
}
