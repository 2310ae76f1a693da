package org.imagingexchange.gateway.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SmartScopesTest {

    private static final ResourceAccess STUDY_SEARCH = new ResourceAccess("ImagingStudy", 's', false);
    private static final ResourceAccess STUDY_READ = new ResourceAccess("ImagingStudy", 'r', false);
    private static final ResourceAccess STUDY_CREATE = new ResourceAccess("ImagingStudy", 'c', false);
    private static final ResourceAccess REPORT_UPDATE = new ResourceAccess("DiagnosticReport", 'u', false);
    private static final ResourceAccess AUDIT_SEARCH = new ResourceAccess("AuditEvent", 's', true);

    @ParameterizedTest(name = "''{0}'' grants {1}.{2}: {3}")
    @CsvSource({
            // SMART v2 letters
            "system/ImagingStudy.rs, ImagingStudy, s, true",
            "system/ImagingStudy.rs, ImagingStudy, r, true",
            "system/ImagingStudy.rs, ImagingStudy, c, false",
            "user/ImagingStudy.s, ImagingStudy, r, false",
            "user/DiagnosticReport.cu, DiagnosticReport, u, true",
            "user/DiagnosticReport.cu, DiagnosticReport, r, false",
            "system/*.cruds, Consent, d, true",
            // v1 forms
            "user/ImagingStudy.read, ImagingStudy, s, true",
            "user/ImagingStudy.read, ImagingStudy, c, false",
            "user/DiagnosticReport.write, DiagnosticReport, c, true",
            "user/DiagnosticReport.write, DiagnosticReport, r, false",
            "system/*.*, AuditEvent, s, true",
            // another resource type
            "user/DiagnosticReport.rs, ImagingStudy, s, false",
            // letters out of the specification's order or unknown are not a scope
            "user/ImagingStudy.sr, ImagingStudy, s, false",
            "user/ImagingStudy.x, ImagingStudy, r, false",
            // constrained scopes are not honoured by the gateway
            "user/ImagingStudy.rs?modality=CT, ImagingStudy, s, false",
            // lower-case resource type is not a FHIR type
            "user/imagingstudy.rs, ImagingStudy, s, false",
            // not a resource scope at all
            "openid profile email, ImagingStudy, s, false",
    })
    void permits_scopeGrammarAndLetters(String claim, String type, char interaction, boolean expected) {
        boolean patientCompartment = false;
        assertEquals(expected, SmartScopes.parse(claim)
                .permits(new ResourceAccess(type, interaction, patientCompartment), false));
    }

    @Test
    void permits_anyOfSeveralScopes() {
        SmartScopes scopes = SmartScopes.parse("openid  system/DiagnosticReport.rs\tsystem/ImagingStudy.c ");
        assertTrue(scopes.permits(STUDY_CREATE, false));
        assertFalse(scopes.permits(STUDY_SEARCH, false));
        assertFalse(scopes.permits(REPORT_UPDATE, false));
    }

    @Test
    void patientScope_onlyForPatientCompartmentRoutesAndWithPatientContext() {
        SmartScopes patient = SmartScopes.parse("patient/*.rs");
        assertTrue(patient.permits(AUDIT_SEARCH, true), "own access log with patient context");
        assertFalse(patient.permits(AUDIT_SEARCH, false), "no patient_id in the token: no patient context");
        assertFalse(patient.permits(STUDY_READ, true), "the registry does not restrict to the token's patient");
        assertFalse(patient.permits(STUDY_SEARCH, true));
    }

    @Test
    void userScope_opensPatientCompartmentRoutesToo() {
        assertTrue(SmartScopes.parse("user/AuditEvent.rs").permits(AUDIT_SEARCH, false));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "openid", "group/ImagingStudy.rs", "ImagingStudy.rs", "/ImagingStudy.rs",
            "user/.rs", "user/ImagingStudy.", "user/ImagingStudy", "user/Imaging-Study.rs"})
    void parse_noResourceScope(String claim) {
        assertTrue(SmartScopes.parse(claim).isEmpty());
    }

    @Test
    void parse_null_isNone() {
        assertTrue(SmartScopes.parse(null).isEmpty());
        assertFalse(SmartScopes.parse(null).permits(STUDY_READ, true));
    }

    @Test
    void neededScopes_namesNarrowestScopesPerContext() {
        assertEquals("system/ImagingStudy.s user/ImagingStudy.s", STUDY_SEARCH.neededScopes());
        assertEquals("system/AuditEvent.s user/AuditEvent.s patient/AuditEvent.s", AUDIT_SEARCH.neededScopes());
    }
}
