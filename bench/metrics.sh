# metrics: milliseconds for every metric and the drawdown curve of a 1,000,000-point equity curve (the
# backtest-single run's) and its trades.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/backtest-lib.sh"
backtest_bench metrics
