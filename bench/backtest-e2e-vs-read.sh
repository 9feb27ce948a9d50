# backtest-e2e-vs-read: see backtest-e2e.sh (which prints every figure of the end-to-end backtest benchmark).
set -euo pipefail
bash "$(dirname "$0")/backtest-e2e.sh" | grep '^backtest-e2e-vs-read '
