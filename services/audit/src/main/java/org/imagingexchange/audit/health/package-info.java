/** Health layer of the audit service: MP Health liveness and readiness (database) checks. */
package org.imagingexchange.audit.health;
