/** Configuration layer of the study registry: the typed MP Config holder and the CDI wiring of domain services. */
package org.imagingexchange.registry.config;
