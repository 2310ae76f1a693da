package org.imagingexchange.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.james.mime4j.MimeException;
import org.apache.james.mime4j.stream.EntityState;
import org.apache.james.mime4j.stream.Field;
import org.apache.james.mime4j.stream.MimeConfig;
import org.apache.james.mime4j.stream.MimeTokenStream;

/**
 * Test helper: reads a {@code multipart/related} body (RFC 2387; WADO-RS PS3.18 §8.6.1.2) part by part
 * with Apache James mime4j, without size limits (DICOM parts are binary with arbitrarily long "lines").
 * Each part is handed over while the stream is positioned on it, so bodies of any size can be checked
 * without holding more than one part. Meant to move to libs/test-support.
 */
public final class MultipartRelatedReader {

    private MultipartRelatedReader() {
    }

    /** Receives the parts one by one. */
    @FunctionalInterface
    public interface PartHandler {

        /**
         * @param index   0-based position of the part
         * @param headers the part's header fields, names in lower case
         * @param content the part's (transfer-decoded) bytes; valid only during the call
         * @throws IOException when reading the content fails
         */
        void part(int index, Map<String, String> headers, InputStream content) throws IOException;
    }

    /**
     * One part read fully into memory.
     *
     * @param headers header fields, names in lower case
     * @param content the part's bytes
     */
    public record Part(Map<String, String> headers, byte[] content) {

        /** @return the part's Content-Type, or empty */
        public String contentType() {
            return headers.getOrDefault("content-type", "");
        }
    }

    /**
     * Streams over the parts.
     *
     * @param body        the multipart body (not closed here)
     * @param contentType the response's Content-Type with its {@code boundary} parameter
     * @param handler     called once per part, in order
     * @return number of parts
     * @throws IOException when the body cannot be read or is not valid multipart
     */
    public static int forEachPart(InputStream body, String contentType, PartHandler handler) throws IOException {
        if (!contentType.toLowerCase(Locale.ROOT).startsWith("multipart/")) {
            throw new IOException("not a multipart body: " + contentType);
        }
        MimeConfig config = MimeConfig.custom()
                .setMaxLineLen(-1).setMaxHeaderLen(-1).setMaxHeaderCount(-1).setMaxContentLen(-1)
                .build();
        MimeTokenStream tokens = new MimeTokenStream(config);
        tokens.parseHeadless(body, contentType);
        int depth = 0;
        int index = 0;
        Map<String, String> headers = new LinkedHashMap<>();
        try {
            for (EntityState state = tokens.getState(); state != EntityState.T_END_OF_STREAM; state = tokens.next()) {
                switch (state) {
                    case T_START_MULTIPART -> depth++;
                    case T_END_MULTIPART -> depth--;
                    case T_START_HEADER -> headers = new LinkedHashMap<>();
                    case T_FIELD -> {
                        Field field = tokens.getField();
                        headers.put(field.getName().toLowerCase(Locale.ROOT), field.getBody().strip());
                    }
                    case T_BODY -> {
                        if (depth == 1) {
                            handler.part(index++, Map.copyOf(headers), tokens.getDecodedInputStream());
                        }
                    }
                    default -> {
                        // preamble, epilogue, part boundaries: nothing to collect
                    }
                }
            }
        } catch (MimeException e) {
            throw new IOException("malformed multipart body: " + e.getMessage(), e);
        }
        return index;
    }

    /**
     * Reads all parts into memory (test sizes only).
     *
     * @param body        the multipart body (not closed here)
     * @param contentType the response's Content-Type with its boundary
     * @return the parts in order
     * @throws IOException when the body cannot be read or is not valid multipart
     */
    public static List<Part> readAll(InputStream body, String contentType) throws IOException {
        List<Part> parts = new ArrayList<>();
        forEachPart(body, contentType, (i, headers, content) -> parts.add(new Part(headers, content.readAllBytes())));
        return parts;
    }
}
