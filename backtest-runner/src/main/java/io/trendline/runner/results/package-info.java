/** A run's trades and equity and drawdown curves in ClickHouse, and the queries on them. */
package io.trendline.runner.results;
