/**
 * Integration layer of the study registry: outbound adapters toward source archives (QIDO-RS over
 * HTTP, DICOM JSON parsing per PS3.18 Annex F), the consent port wiring and the scheduled crawl.
 */
package org.imagingexchange.registry.integration;
