package org.imagingexchange.retrieval.domain;

import org.imagingexchange.consent.client.ConsentDecision;

/**
 * The outcome of checking a requester's access to a study: where it lives and what consent said.
 *
 * @param location the study's location and owner
 * @param decision the consent decision; never null
 */
public record StudyAccess(StudyLocation location, ConsentDecision decision) {
}
