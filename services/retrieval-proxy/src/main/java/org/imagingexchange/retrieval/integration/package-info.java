/**
 * Integration layer: outbound adapters of the retrieval proxy — the study registry (MP REST Client)
 * and source archives over WADO-RS (JDK HttpClient, streamed) — plus their Prometheus metrics.
 */
package org.imagingexchange.retrieval.integration;
