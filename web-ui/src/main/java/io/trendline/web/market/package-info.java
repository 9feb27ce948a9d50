/** REST over the market queries: candles (JSON pages or a CSV export), latest price with 24h statistics, gaps. */
package io.trendline.web.market;
