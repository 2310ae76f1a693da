/**
 * API layer of the report store: FHIR R4 REST resources ({@code /fhir/DiagnosticReport}, {@code /fhir/Bundle}),
 * the FHIR JSON codec and the mapping between FHIR resources and the domain's eHN facts.
 */
package org.imagingexchange.reports.api;
