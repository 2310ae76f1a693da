package org.imagingexchange.audit.client;

import jakarta.ws.rs.NameBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a JAX-RS resource method whose every call (success or failure) produces one audit record of
 * the given BALP pattern. The record is built after the response by the audit filter from the
 * {@code RequestContext} and what the resource noted in {@link AuditedAccess}; resources never call
 * the sink themselves.
 */
@NameBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface Audited {

    /** @return the BALP pattern of the access */
    BalpPattern value();
}
