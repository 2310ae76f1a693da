/** MP Health checks of the report store. */
package org.imagingexchange.reports.health;
