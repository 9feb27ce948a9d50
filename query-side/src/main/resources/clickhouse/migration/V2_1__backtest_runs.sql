-- The backtest runs read model, projected from the Strategy aggregate's events: one row per run, replaced by a
-- newer version (the event's sequence number) as the run moves from requested to completed or failed; readers use
-- FINAL. The headline figures are columns so analysts can rank runs in SQL; the full summary, the digests and the
-- parameters are JSON as the events carry them.
CREATE TABLE IF NOT EXISTS backtest_runs (
    strategy_id     String,
    backtest_id     String,
    requested_by    String,
    strategy_type   LowCardinality(String),
    symbol          LowCardinality(String),
    parameters      String,
    interval        LowCardinality(String),
    range_from      DateTime64(3, 'UTC'),
    range_to        DateTime64(3, 'UTC'),
    initial_capital Decimal(38, 10),
    fee_bps         Decimal(38, 10),
    slippage_bps    Decimal(38, 10),
    status          LowCardinality(String),
    requested_at    DateTime64(3, 'UTC'),
    finished_at     Nullable(DateTime64(3, 'UTC')),
    total_return    Nullable(Float64),
    sharpe          Nullable(Float64),
    max_drawdown    Nullable(Float64),
    trades          Nullable(UInt32),
    final_equity    Nullable(Float64),
    summary         String,
    digests         String,
    failure_reason  String,
    version         UInt64
) ENGINE = ReplacingMergeTree(version)
ORDER BY (strategy_id, backtest_id);
