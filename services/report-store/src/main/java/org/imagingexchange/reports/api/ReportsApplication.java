package org.imagingexchange.reports.api;

import jakarta.annotation.security.DeclareRoles;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.auth.LoginConfig;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;

/** JAX-RS root of the report store; every resource requires a verified bearer token (MP JWT). */
@ApplicationPath("/")
@LoginConfig(authMethod = "MP-JWT", realmName = "imaging")
@DeclareRoles({"report-author", "report-reader"})
@OpenAPIDefinition(info = @Info(title = "Imaging Exchange report store", version = "0.1.0",
        description = "Imaging reports (eHN data set A) as FHIR R4 DiagnosticReport / document Bundle"
                + " per the HL7 Europe Imaging Report IG (hl7.fhir.eu.imaging)."))
public class ReportsApplication extends Application {
}
