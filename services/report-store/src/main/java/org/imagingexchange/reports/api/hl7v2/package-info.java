/**
 * API layer of the report store's HL7 v2 intake: ORU^R01 messages from a RIS (HL7 v2.3 to 2.5.1, parsed
 * with HAPI HL7v2 into the 2.5.1 model) mapped to the stored FHIR R4 DiagnosticReport, acknowledged per
 * HL7 v2.5.1 §2.9 (original and enhanced mode), received over MLLP (HL7 v2 Transport Specification: MLLP
 * release 1) or HTTP {@code POST /hl7v2}.
 */
package org.imagingexchange.reports.api.hl7v2;
