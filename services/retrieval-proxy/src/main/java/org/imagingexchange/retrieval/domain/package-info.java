/**
 * Domain layer of the retrieval proxy: what a WADO-RS retrieve (DICOM PS3.18 §10.4, IHE RAD-107) asks
 * for, where the study lives, whether the requester may have it, and the ports toward the study registry
 * and the source archives. Imports no JAX-RS or JPA.
 */
package org.imagingexchange.retrieval.domain;
