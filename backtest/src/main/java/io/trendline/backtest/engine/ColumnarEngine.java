package io.trendline.backtest.engine;

import java.util.Arrays;

/**
 * The fast path: replays a column of market signals over the bars with no allocation per bar. It trades through
 * the same {@link Account} as {@link BarByBarEngine}, so for the signals a {@link SignalStrategy} gives bar by bar
 * both produce the same trades and equity to the bit.
 */
public final class ColumnarEngine {

    private ColumnarEngine() {
    }

    public static EngineRun run(BarSeries bars, ExecutionConfig config, SignalStrategy strategy) {
        byte[] signals = new byte[bars.size()];
        strategy.signals(bars, signals);
        return run(bars, config, signals);
    }

    public static EngineRun run(BarSeries bars, ExecutionConfig config, byte[] signals) {
        int n = bars.size();
        if (signals.length != n) {
            throw new IllegalArgumentException("one signal per bar needed: " + signals.length + " for " + n);
        }
        if (n == 0) {
            throw new IllegalArgumentException("no bars to run on");
        }
        Account account = new Account(bars, config);
        double[] equity = new double[n];
        int from = Math.min(config.tradeFrom(), n);
        Arrays.fill(equity, 0, from, config.initialCapital());
        int inMarket;
        if (config.exits().any()) {
            inMarket = config.fill() == Fill.NEXT_OPEN
                    ? nextOpen(bars, signals, account, equity, from)
                    : thisClose(bars, signals, account, equity, from);
        } else {
            inMarket = eventsThenMarks(bars, signals, account, equity, from, config.fill() == Fill.NEXT_OPEN);
        }
        if (from < n) {
            equity[n - 1] = account.finish(n - 1);
        }
        return new EngineRun(account.trades(), equity, from, inMarket);
    }

    /**
     * Without protective exits the position changes only where a signal fills, so the signals are acted on first
     * (skipping the silent bars eight at a time), each change of cash and position is noted with the bar it takes
     * effect on, and then every bar is marked in one pass.
     */
    private static int eventsThenMarks(BarSeries bars, byte[] signals, Account account, double[] equity, int from,
                                       boolean nextOpen) {
        int n = bars.size();
        Changes changes = new Changes();
        for (int k = SignalScan.next(signals, from); k < n; k = SignalScan.next(signals, k + 1)) {
            int fillBar = nextOpen ? k + 1 : k;
            if (fillBar >= n) {
                break;
            }
            double cash = account.cash;
            double held = account.quantity;
            if (nextOpen) {
                account.market(Signals.normalize(signals[k]), fillBar, bars.open(fillBar), k, true);
            } else {
                account.market(Signals.normalize(signals[k]), fillBar, bars.close(fillBar), k, false);
            }
            if (account.cash != cash || account.quantity != held) {
                changes.add(fillBar, account.cash, account.quantity);
            }
        }
        return changes.mark(bars, equity, from, account);
    }

    /** Cash and position from a bar on, in bar order. */
    private static final class Changes {
        private int size;
        private int[] bar = new int[64];
        private double[] cash = new double[64];
        private double[] held = new double[64];

        void add(int at, double newCash, double newHeld) {
            if (size > 0 && bar[size - 1] == at) {
                size--;
            }
            if (size == bar.length) {
                bar = Arrays.copyOf(bar, size * 2);
                cash = Arrays.copyOf(cash, size * 2);
                held = Arrays.copyOf(held, size * 2);
            }
            bar[size] = at;
            cash[size] = newCash;
            held[size] = newHeld;
            size++;
        }

        int mark(BarSeries bars, double[] equity, int from, Account account) {
            int n = bars.size();
            double c = account.initialCash();
            double q = 0;
            int next = 0;
            int changeAt = size > 0 ? bar[0] : n;
            int inMarket = 0;
            for (int i = from; i < n; i++) {
                if (i == changeAt) {
                    c = cash[next];
                    q = held[next];
                    next++;
                    changeAt = next < size ? bar[next] : n;
                }
                equity[i] = c + q * bars.close(i);
                inMarket += q != 0 ? 1 : 0;
            }
            return inMarket;
        }
    }

    private static int nextOpen(BarSeries bars, byte[] signals, Account account, double[] equity, int from) {
        int n = bars.size();
        int inMarket = 0;
        int pending = 0;
        for (int i = from; i < n; i++) {
            if (pending != 0) {
                account.market(pending, i, bars.open(i), i - 1, true);
            }
            account.protect(i);
            pending = Signals.normalize(signals[i]);
            inMarket += mark(bars, account, equity, i);
        }
        return inMarket;
    }

    private static int thisClose(BarSeries bars, byte[] signals, Account account, double[] equity, int from) {
        int n = bars.size();
        int inMarket = 0;
        for (int i = from; i < n; i++) {
            account.protect(i);
            int signal = Signals.normalize(signals[i]);
            if (signal != 0) {
                account.market(signal, i, bars.close(i), i, false);
            }
            inMarket += mark(bars, account, equity, i);
        }
        return inMarket;
    }

    /** Marks bar {@code i} at its close; answers 1 if it closed with a position. */
    private static int mark(BarSeries bars, Account account, double[] equity, int i) {
        double held = account.quantity;
        equity[i] = account.cash + held * bars.close(i);
        return held != 0 ? 1 : 0;
    }
}
