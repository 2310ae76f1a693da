package org.imagingexchange.audit.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.imagingexchange.audit.client.AuditRecord;

/**
 * The tamper-evidence of the trail: {@code hash(n) = hex(SHA-256(UTF-8(hash(n-1) + canonicalJson(record n))))}
 * with {@code hash(0) = }{@link #GENESIS}. Changing, inserting or removing any stored record changes every
 * later hash, which {@link AuditTrail#verify()} detects.
 */
public final class HashChain {

    /** Hash "before" the first record: 64 zeros. */
    public static final String GENESIS = "0".repeat(64);

    private HashChain() {
    }

    /**
     * @param previousHash hex hash of the previous record ({@link #GENESIS} for the first)
     * @param record       normalised record
     * @return lower-case hex SHA-256 (64 characters)
     */
    public static String link(String previousHash, AuditRecord record) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            byte[] digest = sha256.digest((previousHash + CanonicalJson.of(record)).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is mandatory on every Java platform", e);
        }
    }
}
