/** Configuration of the gateway: one typed holder read from MicroProfile Config. */
package org.imagingexchange.gateway.config;
