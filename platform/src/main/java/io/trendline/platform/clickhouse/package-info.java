/** The connection to ClickHouse, where the analytical read models live. */
package io.trendline.platform.clickhouse;
