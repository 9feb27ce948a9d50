-- The outputs of backtest runs, written once by the runner, keyed by run. Float64: the engine computes in doubles
-- and these are its exact values (their digests are taken of the same doubles). ReplacingMergeTree: a run stored
-- again after a crash between storing and answering replaces its rows instead of doubling them; readers use FINAL.
CREATE TABLE IF NOT EXISTS backtest_trades (
    backtest_id     String,
    number          UInt32,
    side            LowCardinality(String),
    quantity        Float64,
    entry_time      DateTime64(3, 'UTC'),
    entry_price     Float64,
    entry_fee       Float64,
    exit_time       DateTime64(3, 'UTC'),
    exit_price      Float64,
    exit_fee        Float64,
    pnl             Float64,
    return_fraction Float64,
    exit_reason     LowCardinality(String)
) ENGINE = ReplacingMergeTree
ORDER BY (backtest_id, number);

-- Equity at each traded bar's close and the drawdown below its running peak (a fraction).
CREATE TABLE IF NOT EXISTS backtest_equity (
    backtest_id String,
    time        DateTime64(3, 'UTC') CODEC(DoubleDelta, LZ4),
    equity      Float64 CODEC(Gorilla, LZ4),
    drawdown    Float64 CODEC(Gorilla, LZ4)
) ENGINE = ReplacingMergeTree
ORDER BY (backtest_id, time);
