/**
 * Live market data over STOMP ({@code /ws}, token in the CONNECT frame): candles on {@code /topic/candles.<SYMBOL>},
 * price alerts on {@code /topic/alerts.<SYMBOL>}, read from Kafka and pushed as they come.
 */
package io.trendline.web.market.live;
