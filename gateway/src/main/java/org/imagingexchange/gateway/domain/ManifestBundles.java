package org.imagingexchange.gateway.domain;

import jakarta.json.JsonException;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonParser;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Tells which service a {@code POST /fhir/Bundle} is for, reading no more of the body than it must. Both an
 * imaging report (HL7 Europe Imaging Report document) and an IHE MADO manifest (FHIR option) are document
 * Bundles with a Composition of LOINC 18748-4, so the type code cannot tell them apart; their content can. A
 * Bundle is a MADO manifest when a {@code profile} names a MADO manifest profile, or when it holds an
 * {@code ImagingStudy} and no {@code DiagnosticReport} (a report always has its DiagnosticReport). Anything
 * else, including bodies that are not JSON and bodies still undecided after {@code maxPrefix} bytes (a
 * manifest is never that large), is for the report store, which answers its own errors.
 *
 * <p>The body is parsed as a stream: a report is recognised at its first {@code DiagnosticReport}, usually in
 * the first kilobytes, and the rest of it (e.g. an embedded PDF) is never held by the gateway; only a manifest
 * is read to its end. Thread-safe (no state).
 */
public final class ManifestBundles {

    /** Looked up once: {@code Json.create...} asks the ServiceLoader for the provider on every call. */
    private static final JsonProvider JSON_PROVIDER = JsonProvider.provider();

    /** Ends of the canonical URLs of the MADO manifest Bundle profiles (IHE RAD MADO, HL7 Europe). */
    static final List<String> MADO_PROFILES = List.of("/MadoFhirBundle", "/EuMadoBundle", "/ImImagingStudyManifest");

    private ManifestBundles() {
    }

    /**
     * The decision and the bytes read to reach it.
     *
     * @param madoManifest true for a MADO manifest (to the registry), false for the report store
     * @param prefix       the bytes of the body read so far; they go upstream before the rest of the body
     */
    public record Sniffed(boolean madoManifest, byte[] prefix) {
    }

    /**
     * @param body      the request body, FHIR JSON expected; read only as far as the decision needs
     * @param maxPrefix most bytes read before deciding for the report store
     * @return the decision with the bytes consumed
     * @throws UncheckedIOException when reading the body fails
     */
    public static Sniffed sniff(InputStream body, int maxPrefix) {
        Tee tee = new Tee(body, maxPrefix);
        boolean mado;
        try {
            mado = decide(tee);
        } catch (Tee.LimitReached | JsonException | IllegalStateException | java.util.NoSuchElementException e) {
            if (e.getCause() instanceof IOException io) {
                throw new UncheckedIOException(io);
            }
            mado = false;
        }
        return new Sniffed(mado, tee.copy.toByteArray());
    }

    /** Convenience for a body already in memory. */
    static boolean isMadoManifest(byte[] body) {
        return sniff(new java.io.ByteArrayInputStream(body), body.length + 1).madoManifest();
    }

    private static boolean decide(InputStream in) {
        boolean study = false;
        String key = null;
        int depth = 0;
        boolean topLevelBundle = false;
        try (JsonParser p = JSON_PROVIDER.createParser(in)) {
            while (p.hasNext()) {
                JsonParser.Event e = p.next();
                switch (e) {
                    case START_OBJECT, START_ARRAY -> depth++;
                    case END_OBJECT, END_ARRAY -> depth--;
                    case KEY_NAME -> key = p.getString();
                    case VALUE_STRING -> {
                        String v = p.getString();
                        if ("resourceType".equals(key)) {
                            if (depth == 1) {
                                if (!"Bundle".equals(v)) {
                                    return false;
                                }
                                topLevelBundle = true;
                            } else if ("DiagnosticReport".equals(v)) {
                                return false;
                            } else if ("ImagingStudy".equals(v)) {
                                study = true;
                            }
                        } else if ("profile".equals(key) && MADO_PROFILES.stream().anyMatch(v.split("\\|", 2)[0]::endsWith)) {
                            return true;
                        }
                    }
                    default -> { }
                }
                boolean keepKey = e == JsonParser.Event.KEY_NAME || e == JsonParser.Event.START_ARRAY
                        || e == JsonParser.Event.VALUE_STRING && "profile".equals(key); // profile is an array
                key = keepKey ? key : null;
            }
        }
        return topLevelBundle && study;
    }

    /** Copies what the parser reads; stops it once more than the limit has been read. */
    private static final class Tee extends FilterInputStream {
        private final ByteArrayOutputStream copy = new ByteArrayOutputStream();
        private final int limit;

        Tee(InputStream in, int limit) {
            super(in);
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (copy.size() > limit) {
                throw new LimitReached();
            }
            int n = super.read(b, off, Math.min(len, limit + 1 - copy.size()));
            if (n > 0) {
                copy.write(b, off, n);
            }
            return n;
        }

        /** Leaves the body open: its rest goes upstream after the bytes read here. */
        @Override
        public void close() {
        }

        /** Not an error: the body is too long to be a manifest. */
        static final class LimitReached extends RuntimeException {
            LimitReached() {
                super(null, null, false, false);
            }
        }
    }
}
