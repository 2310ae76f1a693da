/**
 * Domain layer of the study registry: the eHN imaging study manifest (data set B) as value types,
 * QIDO-RS matching (PS3.4 C.2.2.2), consent filtering before paging, crawling of source archives,
 * and the ports (index, crawl log, source archives) the outer layers implement. Imports no
 * {@code jakarta.ws.rs} or {@code jakarta.persistence}.
 */
package org.imagingexchange.registry.domain;
