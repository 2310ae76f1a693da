/**
 * API layer of the retrieval proxy: the WADO-RS resources (DICOM PS3.18 §10.4, IHE RAD-107), the consent
 * filter bound to them, and the streaming of source bodies to the client.
 */
package org.imagingexchange.retrieval.api;
