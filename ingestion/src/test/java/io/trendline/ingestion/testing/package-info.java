/** Test support: one real Kafka broker per test JVM, the shared real data, reading topics back. */
package io.trendline.ingestion.testing;
