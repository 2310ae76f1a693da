package org.imagingexchange.audit.domain;

/**
 * The end of the hash chain.
 *
 * @param sequence sequence of the last appended record; 0 for an empty trail
 * @param hash     hash of the last appended record; {@link HashChain#GENESIS} for an empty trail
 */
public record ChainHead(long sequence, String hash) {
}
