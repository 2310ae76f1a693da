package org.imagingexchange.audit.api;

import jakarta.annotation.security.DeclareRoles;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.auth.LoginConfig;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;

/** JAX-RS root of the audit service; every resource requires a verified bearer token (MP JWT). */
@ApplicationPath("/")
@LoginConfig(authMethod = "MP-JWT", realmName = "imaging")
@DeclareRoles({"exchange-service", "auditor", "patient"})
@OpenAPIDefinition(info = @Info(title = "Imaging Exchange audit service", version = "0.1.0",
        description = "Append-only, hash-chained audit trail (IHE BALP); FHIR R4 AuditEvent search and the patient access log."))
public class AuditApplication extends Application {
}
