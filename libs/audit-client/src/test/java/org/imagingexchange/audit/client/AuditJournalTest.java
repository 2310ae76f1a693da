package org.imagingexchange.audit.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditJournalTest {

    @TempDir
    Path dir;

    static AuditRecord record(String eventId) {
        return new AuditRecord(eventId, Instant.parse("2025-03-01T10:15:30.123456Z"), BalpPattern.PATIENT_READ,
                AuditOutcome.SUCCESS, "", "study-registry", "cid-1",
                new AuditRecord.Agent("sub-1", "radiologist-a", "exchange-cli", "hospital-a", "NL", "TREAT"),
                List.of(new AuditRecord.PatientRef("1CT1", "urn:oid:1.2.3")),
                List.of(new AuditRecord.EntityRef("ImagingStudy", "1.2.840.1", "CT")));
    }

    private static List<String> ids(List<AuditJournal.Entry> entries) {
        return entries.stream().map(e -> e.record().eventId()).toList();
    }

    private AuditJournal open() {
        return AuditJournal.open(dir, AuditJournal.DEFAULT_SEGMENT_BYTES);
    }

    private Path onlySegment() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> segments = files.filter(f -> f.toString().endsWith(AuditJournal.SEGMENT_SUFFIX)).toList();
            assertEquals(1, segments.size(), "one segment file: " + segments);
            return segments.get(0);
        }
    }

    @Test
    void append_records_readBackEqualInOrder() throws IOException {
        try (AuditJournal journal = open()) {
            AuditRecord first = record("c-3");
            journal.append(first);
            journal.append(record("a-1"));
            journal.append(record("b-2"));

            List<AuditJournal.Entry> entries = journal.read(journal.deliveredUpTo(), 10);

            assertEquals(List.of("c-3", "a-1", "b-2"), ids(entries), "records come back in append order");
            assertEquals(first, entries.get(0).record(), "the record is unchanged");
            assertEquals(3, journal.backlog(), "three records pending");
        }
    }

    @Test
    void read_max_returnsThatManyAndContinuesFromTheLastEnd() throws IOException {
        try (AuditJournal journal = open()) {
            for (int i = 0; i < 5; i++) {
                journal.append(record("r" + i));
            }

            List<AuditJournal.Entry> first = journal.read(journal.deliveredUpTo(), 2);
            List<AuditJournal.Entry> rest = journal.read(first.get(1).end(), 10);

            assertEquals(List.of("r0", "r1"), ids(first));
            assertEquals(List.of("r2", "r3", "r4"), ids(rest), "reading from an entry's end continues after it");
        }
    }

    @Test
    void append_concurrentWriters_everyRecordDurableOnceAndEachWritersOrderKept() throws Exception {
        int writers = 8;
        int each = 250;
        try (AuditJournal journal = open()) {
            ExecutorService pool = Executors.newFixedThreadPool(writers);
            List<Future<?>> done = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                int writer = w;
                done.add(pool.submit(() -> {
                    for (int i = 0; i < each; i++) {
                        journal.append(record(writer + "-" + i));
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
            pool.shutdown();

            List<String> read = ids(journal.read(journal.deliveredUpTo(), writers * each + 1));

            assertEquals(writers * each, read.size(), "every record is in the journal once");
            for (int w = 0; w < writers; w++) {
                String prefix = w + "-";
                List<String> mine = read.stream().filter(id -> id.startsWith(prefix)).toList();
                assertEquals(each, mine.size(), "all records of writer " + w);
                for (int i = 0; i < each; i++) {
                    assertEquals(prefix + i, mine.get(i), "writer " + w + "'s records in its order");
                }
            }
            assertTrue(journal.syncs() <= writers * each, "never more than one sync per record: " + journal.syncs());
        }
    }

    @Test
    void open_afterRestart_undeliveredRecordsReadAgainDeliveredOnesNot() throws IOException {
        long afterFirst;
        try (AuditJournal journal = open()) {
            afterFirst = journal.append(record("delivered"));
            journal.append(record("pending-1"));
            journal.append(record("pending-2"));
            journal.markDelivered(afterFirst, 1);
        }

        try (AuditJournal reopened = open()) {
            assertEquals(afterFirst, reopened.deliveredUpTo(), "the delivered marker survives the restart");
            assertEquals(2, reopened.backlog(), "two records still pending after the restart");
            assertEquals(List.of("pending-1", "pending-2"), ids(reopened.read(reopened.deliveredUpTo(), 10)));
            reopened.append(record("after-restart"));
            assertEquals(List.of("pending-1", "pending-2", "after-restart"),
                    ids(reopened.read(reopened.deliveredUpTo(), 10)), "new records follow the recovered ones");
        }
    }

    @Test
    void open_tornTailRecord_truncatedLoggedAndNeverRead() throws IOException {
        long goodEnd;
        try (AuditJournal journal = open()) {
            journal.append(record("whole"));
            goodEnd = journal.append(record("torn"));
        }
        Path segment = onlySegment();
        long cut = Files.size(segment) - 10;
        try (FileChannel ch = FileChannel.open(segment, StandardOpenOption.WRITE)) {
            ch.truncate(cut); // a crash in the middle of writing the second record
        }
        List<String> warnings = captureWarnings();

        try (AuditJournal reopened = open()) {
            assertEquals(List.of("whole"), ids(reopened.read(reopened.deliveredUpTo(), 10)),
                    "the record cut short is dropped, the one before it kept");
            assertEquals(1, reopened.backlog(), "the torn record is not counted");
            assertTrue(Files.size(segment) < cut, "the torn frame is truncated away");
            assertTrue(warnings.stream().anyMatch(w -> w.contains("cut short") && w.contains("truncating")),
                    "a warning names the torn record: " + warnings);
            reopened.append(record("next"));
            assertEquals(List.of("whole", "next"), ids(reopened.read(reopened.deliveredUpTo(), 10)),
                    "records appended after the repair follow the last whole one");
        }
        assertTrue(goodEnd > cut, "the cut was inside the last record");
    }

    @Test
    void open_tailWithCorruptChecksum_truncatedAndNeverDelivered() throws IOException {
        try (AuditJournal journal = open()) {
            journal.append(record("whole"));
            journal.append(record("scrambled"));
        }
        Path segment = onlySegment();
        try (FileChannel ch = FileChannel.open(segment, StandardOpenOption.WRITE)) {
            ch.write(ByteBuffer.wrap("XXXX".getBytes(StandardCharsets.US_ASCII)), Files.size(segment) - 20);
        }

        try (AuditJournal reopened = open()) {
            assertEquals(List.of("whole"), ids(reopened.read(reopened.deliveredUpTo(), 10)),
                    "a record whose bytes do not match its checksum is never delivered");
        }
    }

    @Test
    void open_tailOfZerosOrHalfHeader_truncated() throws IOException {
        try (AuditJournal journal = open()) {
            journal.append(record("whole"));
        }
        Path segment = onlySegment();
        long size = Files.size(segment);
        Files.write(segment, new byte[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}, StandardOpenOption.APPEND);

        try (AuditJournal reopened = open()) {
            assertEquals(List.of("whole"), ids(reopened.read(reopened.deliveredUpTo(), 10)));
            assertEquals(size, Files.size(segment), "the zero-filled tail (size grown, data not written) is removed");
        }
        Files.write(segment, new byte[] {0, 0, 1}, StandardOpenOption.APPEND);
        try (AuditJournal reopened = open()) {
            assertEquals(size, Files.size(segment), "a header cut short is removed");
        }
    }

    @Test
    void append_pastSegmentSize_rollsAndDeletesDeliveredSegments() throws IOException {
        int small = 1024;
        try (AuditJournal journal = AuditJournal.open(dir, small)) {
            for (int i = 0; i < 10; i++) {
                journal.append(record("r" + i));
            }
            long segments;
            try (Stream<Path> files = Files.list(dir)) {
                segments = files.filter(f -> f.toString().endsWith(AuditJournal.SEGMENT_SUFFIX)).count();
            }
            assertTrue(segments > 2, "a full segment is followed by a new one: " + segments);
            List<AuditJournal.Entry> all = journal.read(journal.deliveredUpTo(), 100);
            assertEquals(10, all.size(), "reading crosses segment boundaries");

            journal.markDelivered(all.get(8).end(), 9);

            try (Stream<Path> files = Files.list(dir)) {
                assertEquals(1, files.filter(f -> f.toString().endsWith(AuditJournal.SEGMENT_SUFFIX)).count(),
                        "only the segment still holding an undelivered record is kept");
            }
            assertEquals(List.of("r9"), ids(journal.read(journal.deliveredUpTo(), 100)));
        }
        try (AuditJournal reopened = AuditJournal.open(dir, small)) {
            assertEquals(List.of("r9"), ids(reopened.read(reopened.deliveredUpTo(), 100)),
                    "after a restart only the undelivered record is read");
        }
    }

    @Test
    void open_damagedMarker_deliversKeptRecordsAgain() throws IOException {
        try (AuditJournal journal = open()) {
            long end = journal.append(record("one"));
            journal.append(record("two"));
            journal.markDelivered(end, 1);
        }
        Files.write(dir.resolve(AuditJournal.MARKER), new byte[] {1, 2, 3});

        try (AuditJournal reopened = open()) {
            assertEquals(List.of("one", "two"), ids(reopened.read(reopened.deliveredUpTo(), 10)),
                    "without a readable marker every kept record is delivered again (the service de-duplicates)");
        }
    }

    @Test
    void readJson_tornTail_wholeRecordsOnlyAndNothingChanged() throws IOException {
        try (AuditJournal journal = open()) {
            journal.append(record("one"));
            journal.append(record("two"));
        }
        Path segment = onlySegment();
        Files.write(segment, new byte[] {0, 0, 1, 0, 9}, StandardOpenOption.APPEND);
        long size = Files.size(segment);

        List<String> texts = AuditJournal.readJson(dir);

        assertEquals(2, texts.size(), "the two whole records");
        assertTrue(texts.get(1).contains("\"eventId\":\"two\""), texts.get(1));
        assertEquals(size, Files.size(segment), "reading changes nothing");
    }

    @Test
    void open_directoryAlreadyOpen_refused() {
        try (AuditJournal journal = open()) {
            java.io.UncheckedIOException e = org.junit.jupiter.api.Assertions.assertThrows(
                    java.io.UncheckedIOException.class, this::open, "a second writer on one journal is refused");
            assertTrue(e.getCause().getMessage().contains("already open"), e.getCause().getMessage());
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void reject_entry_keptInRefusedFile() throws IOException {
        try (AuditJournal journal = open()) {
            journal.append(record("bad"));
            AuditJournal.Entry entry = journal.read(0, 1).get(0);

            journal.reject(entry, "refused");

            String kept = Files.readString(dir.resolve(AuditJournal.REJECTED_DIR).resolve(AuditJournal.REFUSED_FILE));
            assertTrue(kept.contains("\"eventId\":\"bad\""), "the refused record is kept as a JSON line: " + kept);
        }
    }

    @Test
    void read_payloadNotARecord_entryWithoutRecordButRawBytes() throws IOException {
        try (AuditJournal journal = open()) {
            journal.append(record("x"));
        }
        // A frame with a valid checksum but not a record (e.g. written by a future version).
        byte[] payload = "[1,2]".getBytes(StandardCharsets.UTF_8);
        java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
        crc.update(payload);
        ByteBuffer frame = ByteBuffer.allocate(8 + payload.length).putInt(payload.length).putInt((int) crc.getValue())
                .put(payload).flip();
        Files.write(onlySegment(), frame.array(), StandardOpenOption.APPEND);

        try (AuditJournal reopened = open()) {
            List<AuditJournal.Entry> entries = reopened.read(reopened.deliveredUpTo(), 10);
            assertEquals(2, entries.size());
            assertNull(entries.get(1).record(), "no record could be read from it");
            assertEquals("[1,2]", new String(entries.get(1).raw(), StandardCharsets.UTF_8));
        }
    }

    private static List<String> captureWarnings() {
        List<String> messages = new ArrayList<>();
        Logger logger = Logger.getLogger(AuditJournal.class.getName());
        logger.addHandler(new Handler() {
            @Override
            public void publish(LogRecord r) {
                if (r.getLevel().intValue() >= Level.WARNING.intValue()) {
                    messages.add(r.getMessage());
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        });
        return messages;
    }
}
