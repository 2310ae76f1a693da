/** Health layer: MP Health liveness and readiness of the retrieval proxy. */
package org.imagingexchange.retrieval.health;
