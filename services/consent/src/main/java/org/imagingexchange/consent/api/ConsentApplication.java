package org.imagingexchange.consent.api;

import jakarta.annotation.security.DeclareRoles;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.auth.LoginConfig;

/** JAX-RS root of the consent service; every resource requires a verified bearer token (MP JWT). */
@ApplicationPath("/")
@LoginConfig(authMethod = "MP-JWT", realmName = "imaging")
@DeclareRoles({"consent-manager", "exchange-service", "patient", "auditor"})
public class ConsentApplication extends Application {
}
