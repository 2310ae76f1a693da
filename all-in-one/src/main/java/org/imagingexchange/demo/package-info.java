/**
 * The demo scenario: a client of the platform's public APIs that walks the main path (crawl, report,
 * consent, cross-border search, WADO-RS retrieval, refusal without consent, the patient's access log,
 * 401 without a token) against real Keycloak, the real demo PACS and the running platform, checking
 * every step. {@code ./exchange demo} runs it; the end-to-end test runs the same code.
 */
package org.imagingexchange.demo;
