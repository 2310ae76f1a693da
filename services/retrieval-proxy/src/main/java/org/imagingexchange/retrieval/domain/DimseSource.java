package org.imagingexchange.retrieval.domain;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import jakarta.inject.Qualifier;

/**
 * CDI qualifier of the {@link SourceArchive} that reaches DIMSE-only archives (C-GET, PS3.4 §C.4.3); the
 * unqualified one speaks WADO-RS. {@link RetrievalService} picks by {@link StudyEndpoint#dimse()}.
 */
@Qualifier
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER})
public @interface DimseSource {
}
