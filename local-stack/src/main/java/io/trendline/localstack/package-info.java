/**
 * The standalone mode's local stack: PostgreSQL, Kafka and ClickHouse started from the JVM, with data kept on disk.
 * {@link io.trendline.localstack.LocalStack} starts whichever engines the settings do not point elsewhere.
 */
package io.trendline.localstack;
