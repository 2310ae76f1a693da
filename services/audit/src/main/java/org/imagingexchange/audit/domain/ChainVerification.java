package org.imagingexchange.audit.domain;

/**
 * Result of recomputing the hash chain.
 *
 * @param verified           number of records whose hash was recomputed and matched, from the start of
 *                           the chain up to (not including) the first broken one
 * @param intact             true when every record and the chain head match
 * @param firstBrokenEventId event id of the first record whose stored hash does not match (altered,
 *                           inserted or preceded by a removed record); null when intact or when only
 *                           the head disagrees (records removed at the end)
 * @param detail             one sentence on what was found
 */
public record ChainVerification(long verified, boolean intact, String firstBrokenEventId, String detail) {
}
