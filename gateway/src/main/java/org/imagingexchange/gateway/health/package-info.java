/** MicroProfile Health checks of the gateway ({@code /health/live}, {@code /health/ready}). */
package org.imagingexchange.gateway.health;
