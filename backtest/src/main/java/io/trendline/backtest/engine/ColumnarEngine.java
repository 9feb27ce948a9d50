package io.trendline.backtest.engine;

import java.util.Arrays;

/**
 * The fast path. Without protective exits, a position changes only where a signal fills: the strategy's columnar
 * pass hands its (rare) signals to a {@link Marker}, which notes them; then each is filled in turn, noting the
 * cash and position from its fill bar on. That is the whole {@link EquityCurve}, in pieces: a search that only
 * needs metrics never writes out a million equity values. (Marking between fills, or replaying a signal column bar
 * by bar, measured slower: short loops and cache misses.)
 * With protective exits, every bar of an open position must be checked, so the signals are collected into a column
 * and replayed bar by bar. Either way the trading goes through the same {@link Account} as {@link
 * BarByBarEngine}, so for the signals a {@link SignalStrategy} gives bar by bar both produce the same trades and
 * equity to the bit. No allocation per bar.
 */
public final class ColumnarEngine {

    private ColumnarEngine() {
    }

    public static EngineRun run(BarSeries bars, ExecutionConfig config, SignalStrategy strategy) {
        if (config.exits().any()) {
            byte[] signals = new byte[bars.size()];
            strategy.signals(bars, signals);
            return run(bars, config, signals);
        }
        Marker marker = new Marker(bars, config);
        strategy.signals(bars, marker);
        return marker.finish();
    }

    /** Runs a given signal column ({@code signals[i]} decided at the close of bar {@code i}). */
    public static EngineRun run(BarSeries bars, ExecutionConfig config, byte[] signals) {
        if (signals.length != bars.size()) {
            throw new IllegalArgumentException("one signal per bar needed: " + signals.length + " for " + bars.size());
        }
        if (!config.exits().any()) {
            Marker marker = new Marker(bars, config);
            for (int i = 0; i < signals.length; i++) {
                if (signals[i] != Signals.NONE) {
                    marker.accept(i, signals[i]);
                }
            }
            return marker.finish();
        }
        int n = check(bars);
        Account account = new Account(bars, config);
        double[] equity = new double[n];
        int from = Math.min(config.tradeFrom(), n);
        Arrays.fill(equity, 0, from, config.initialCapital());
        int inMarket = config.fill() == Fill.NEXT_OPEN
                ? nextOpen(bars, signals, account, equity, from)
                : thisClose(bars, signals, account, equity, from);
        equity[n - 1] = account.finish(n - 1);
        return new EngineRun(account.trades(), EquityCurve.of(equity, from), inMarket);
    }

    private static int check(BarSeries bars) {
        if (bars.size() == 0) {
            throw new IllegalArgumentException("no bars to run on");
        }
        return bars.size();
    }

    /** Notes signals as they arrive, then fills them in order and marks every bar once. */
    private static final class Marker implements SignalStrategy.Sink {

        private final BarSeries bars;
        private final ExecutionConfig config;
        private final int n;
        private final int from;
        private final boolean nextOpen;
        private int events;
        private int[] eventBar = new int[256];
        private byte[] eventSignal = new byte[256];

        Marker(BarSeries bars, ExecutionConfig config) {
            this.n = check(bars);
            this.bars = bars;
            this.config = config;
            this.from = Math.min(config.tradeFrom(), n);
            this.nextOpen = config.fill() == Fill.NEXT_OPEN;
        }

        @Override
        public void accept(int bar, int signal) {
            if (events == eventBar.length) {
                eventBar = Arrays.copyOf(eventBar, events * 2);
                eventSignal = Arrays.copyOf(eventSignal, events * 2);
            }
            eventBar[events] = bar;
            eventSignal[events] = (byte) signal;
            events++;
        }

        EngineRun finish() {
            // The fill quotes are scattered over a column the signal pass did not read: load them all first, in a
            // loop of independent loads whose cache misses overlap, rather than one stalled load per fill.
            double[] quotes = new double[events];
            for (int e = 0; e < events; e++) {
                int fillBar = nextOpen ? eventBar[e] + 1 : eventBar[e];
                quotes[e] = fillBar >= n ? Double.NaN : nextOpen ? bars.open(fillBar) : bars.close(fillBar);
            }
            Account account = new Account(bars, config);
            Changes changes = new Changes(events);
            for (int e = 0; e < events; e++) {
                int bar = eventBar[e];
                int fillBar = nextOpen ? bar + 1 : bar;
                if (bar < from || fillBar >= n) {
                    continue;
                }
                account.market(Signals.normalize(eventSignal[e]), fillBar, quotes[e], bar, nextOpen);
                changes.add(fillBar, account.cash, account.quantity);
            }
            int inMarket = changes.barsInMarket(from, n);
            double last = account.finish(n - 1);
            return new EngineRun(account.trades(), EquityCurve.pieces(bars, from, config.initialCapital(),
                    changes.size, changes.bar, changes.cash, changes.held, last), inMarket);
        }
    }

    /** Cash and position from each fill bar on, in bar order. */
    private static final class Changes {
        private int size;
        private final int[] bar;
        private final double[] cash;
        private final double[] held;

        Changes(int capacity) {
            bar = new int[capacity];
            cash = new double[capacity];
            held = new double[capacity];
        }

        void add(int at, double newCash, double newHeld) {
            if (size > 0 && cash[size - 1] == newCash && held[size - 1] == newHeld) {
                return;
            }
            bar[size] = at;
            cash[size] = newCash;
            held[size] = newHeld;
            size++;
        }

        /** How many bars of {@code [from, n)} closed with a position. */
        int barsInMarket(int from, int n) {
            int count = 0;
            for (int k = 0; k < size; k++) {
                if (held[k] != 0) {
                    int end = k + 1 < size ? bar[k + 1] : n;
                    count += end - Math.max(bar[k], from);
                }
            }
            return count;
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
