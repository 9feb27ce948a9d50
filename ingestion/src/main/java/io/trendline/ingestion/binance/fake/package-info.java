/**
 * A local stand-in for Binance's spot market-data API: REST {@code /api/v3/klines} and the WebSocket kline streams in
 * Binance's exact formats, serving candles from a file on a controllable clock, with fault modes. Tests use it, and
 * the standalone mode replays recorded data through it when told to ({@code trendline.binance.mode=replay}); data
 * served this way is labelled as replayed wherever it appears.
 */
package io.trendline.ingestion.binance.fake;
