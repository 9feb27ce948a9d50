/** Benchmark programs run by {@code bench/run}; not tests (nothing here is named *Test). */
package io.trendline.ingestion.bench;
