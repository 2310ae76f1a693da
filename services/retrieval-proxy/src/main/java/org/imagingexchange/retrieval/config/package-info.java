/** Configuration layer: the retrieval proxy's typed view of MicroProfile Config. */
package org.imagingexchange.retrieval.config;
