package org.imagingexchange.retrieval.api;

import jakarta.ws.rs.NameBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Binds {@link StudyConsentFilter} to a WADO-RS resource method: before the method runs, the path's
 * UIDs are validated, the study is located and consent for {@code IMAGING_STUDY} is decided.
 */
@NameBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface ConsentEnforced {
}
