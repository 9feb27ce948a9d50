# backtest-grid: bar-strategies a second for a 25-point grid (fast 5..25 x slow 50..150) of the backtest-single
# workload through the optimiser on 2 threads, every point run and scored by its Sharpe ratio.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/backtest-lib.sh"
backtest_bench backtest-grid
