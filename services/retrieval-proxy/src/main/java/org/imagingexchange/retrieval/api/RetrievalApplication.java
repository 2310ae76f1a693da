package org.imagingexchange.retrieval.api;

import jakarta.annotation.security.DeclareRoles;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.auth.LoginConfig;

/** JAX-RS root of the retrieval proxy; every resource requires a verified bearer token (MP JWT). */
@ApplicationPath("/")
@LoginConfig(authMethod = "MP-JWT", realmName = "imaging")
@DeclareRoles({"imaging-reader", "exchange-service"})
public class RetrievalApplication extends Application {
}
