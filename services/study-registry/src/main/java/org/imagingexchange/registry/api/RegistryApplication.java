package org.imagingexchange.registry.api;

import jakarta.annotation.security.DeclareRoles;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.auth.LoginConfig;

/** JAX-RS root of the study registry; every resource requires a verified bearer token (MP JWT). */
@ApplicationPath("/")
@LoginConfig(authMethod = "MP-JWT", realmName = "imaging")
@DeclareRoles({"imaging-reader", "imaging-source", "exchange-service"})
public class RegistryApplication extends Application {
}
