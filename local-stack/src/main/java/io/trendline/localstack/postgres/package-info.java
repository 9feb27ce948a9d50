/**
 * A PostgreSQL 17 server from zonky's embedded binaries, kept in a data directory that survives restarts,
 * including restarts after the owning JVM was killed.
 */
package io.trendline.localstack.postgres;
