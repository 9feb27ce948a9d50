# backtest-single: bars a second through Backtest.run on one thread, SMA(10)/SMA(50) crossover, long only, 0.1 % fee
# per side, one unit a trade, filled at the next open, on 1,000,000 one-minute bars of a seeded geometric random walk
# (sigma 0.001); backtest-single-ta4j: ta4j 0.17 (DoubleNum) on the same bars and rules, in the same run, as the peer.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/backtest-lib.sh"
backtest_bench backtest-single backtest-single-ta4j
