/** The query side: projections into PostgreSQL and ClickHouse, their queries, and the audit view of the events. */
package io.trendline.query;
