/** The saga coordinator: long-running processes that span aggregates, and their deadlines. */
package io.trendline.saga;
