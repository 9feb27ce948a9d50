/** The market-data context: candles and the streams that carry them. Not event-sourced: a high-volume stream. */
package io.trendline.api.market;
