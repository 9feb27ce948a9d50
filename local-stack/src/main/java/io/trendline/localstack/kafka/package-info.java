/**
 * A single-node Apache Kafka (KRaft, combined broker and controller) running inside this JVM, with its logs kept on
 * disk across restarts.
 */
package io.trendline.localstack.kafka;
