-- Closed 1-minute candles, the one source of price history; coarser intervals are aggregated from it at query time.
-- ReplacingMergeTree ordered by (symbol, open_time): a replayed or re-imported minute replaces the earlier copy, and
-- readers use FINAL so a copy not merged yet is never counted twice. The version column keeps the most complete
-- copy: 2 = all twelve Binance fields (stream, REST, data dumps), 1 = OHLCV only (the 7-column CSV files).
-- Decimals, not Float64: Binance prices are decimal strings with at most 8 decimals and sums of them must be exact
-- and independent of summation order (1h bars rolled up from 1m equal Binance's own 1h bars). Prices fit Decimal64
-- (up to 10^10); volumes of low-priced coins exceed it within a minute, hence Decimal128.
CREATE TABLE IF NOT EXISTS klines_1m (
    symbol                 LowCardinality(String),
    open_time              DateTime64(3, 'UTC') CODEC(DoubleDelta, LZ4),
    open                   Decimal(18, 8),
    high                   Decimal(18, 8),
    low                    Decimal(18, 8),
    close                  Decimal(18, 8),
    volume                 Decimal(38, 8),
    quote_volume           Decimal(38, 8),
    trades                 UInt64,
    taker_buy_base_volume  Decimal(38, 8),
    taker_buy_quote_volume Decimal(38, 8),
    completeness           UInt8
) ENGINE = ReplacingMergeTree(completeness)
PARTITION BY toYYYYMM(open_time)
ORDER BY (symbol, open_time);
