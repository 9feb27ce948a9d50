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

-- Equity at each traded bar's close and the drawdown below its running peak (a fraction, zero or negative), one
-- row per run holding the whole curve as parallel arrays: a year of minutes is one 12 MB row instead of half a
-- million rows that each repeat the run's id. ARRAY JOIN turns it back into rows.
CREATE TABLE IF NOT EXISTS backtest_curves (
    backtest_id String,
    time        Array(DateTime64(3, 'UTC')),
    equity      Array(Float64),
    drawdown    Array(Float64)
) ENGINE = ReplacingMergeTree
ORDER BY backtest_id;
