/** Benchmark drivers run by {@code bench/*.sh} (main methods, not tests). */
package io.trendline.standalone.bench;
