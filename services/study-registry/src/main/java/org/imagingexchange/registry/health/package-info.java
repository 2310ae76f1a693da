/** Health layer of the study registry: MP Health liveness and readiness checks. */
package org.imagingexchange.registry.health;
