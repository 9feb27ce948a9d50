/** Axon configuration every service shares: audit metadata on every message, PostgreSQL-flavoured stores. */
package io.trendline.platform.axon;
