/** Health layer of the consent service: MP Health liveness and readiness (database) checks. */
package org.imagingexchange.consent.health;
