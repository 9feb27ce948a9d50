package io.trendline.backtest.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The general bar loop. For each bar, in this order: market orders from the previous close fill at its open;
 * resting limit and stop orders fill if its range reaches them; protective exits are checked; the strategy is
 * called with the bar closed and may place orders (market orders fill now when {@link Fill#THIS_CLOSE}); the
 * equity is marked at the close.
 */
public final class BarByBarEngine {

    private BarByBarEngine() {
    }

    /** Runs a signal strategy through its bar-by-bar generator; the reference the fast path is tested against. */
    public static EngineRun run(BarSeries bars, ExecutionConfig config, SignalStrategy strategy) {
        SignalStrategy.Generator generator = strategy.generator();
        return run(bars, config, context -> {
            int signal = Signals.normalize(generator.next(context.openTime(0), context.open(0), context.high(0),
                    context.low(0), context.close(0), context.volume(0)));
            for (int flag : Signals.ACTION_ORDER) {
                if ((signal & flag) != 0) {
                    context.submit(Order.market(intentOf(flag)));
                }
            }
        });
    }

    private static Order.Intent intentOf(int flag) {
        for (Order.Intent intent : Order.Intent.values()) {
            if (intent.flag == flag) {
                return intent;
            }
        }
        throw new IllegalArgumentException("not a single signal flag: " + flag);
    }

    public static EngineRun run(BarSeries bars, ExecutionConfig config, Strategy strategy) {
        if (bars.size() == 0) {
            throw new IllegalArgumentException("no bars to run on");
        }
        return new Loop(bars, config, strategy).run();
    }

    private record Resting(Order order, int placedAt) {
    }

    private static final class Loop implements StrategyContext {

        private final BarSeries bars;
        private final ExecutionConfig config;
        private final Strategy strategy;
        private final Account account;
        private final int from;
        private final List<Order> atNextOpen = new ArrayList<>();
        private final List<Resting> resting = new ArrayList<>();
        private int index;

        Loop(BarSeries bars, ExecutionConfig config, Strategy strategy) {
            this.bars = bars;
            this.config = config;
            this.strategy = strategy;
            this.account = new Account(bars, config);
            this.from = Math.min(config.tradeFrom(), bars.size());
        }

        EngineRun run() {
            int n = bars.size();
            double[] equity = new double[n];
            Arrays.fill(equity, 0, from, config.initialCapital());
            int inMarket = 0;
            for (index = 0; index < n; index++) {
                if (index >= from) {
                    fillAtOpen();
                    fillResting();
                    account.protect(index);
                }
                strategy.onBar(this);
                if (index >= from) {
                    double held = account.quantity;
                    equity[index] = account.cash + held * bars.close(index);
                    inMarket += held != 0 ? 1 : 0;
                }
            }
            index = n - 1;
            if (from < n) {
                equity[n - 1] = account.finish(n - 1);
            }
            return new EngineRun(account.trades(), EquityCurve.of(equity, from), inMarket);
        }

        private void fillAtOpen() {
            for (Order order : atNextOpen) {
                account.act(order.intent().flag, index, bars.open(index), account.slippage(index - 1),
                        account.takerFee(), true);
            }
            atNextOpen.clear();
        }

        private void fillResting() {
            double open = bars.open(index);
            double high = bars.high(index);
            double low = bars.low(index);
            for (int k = 0; k < resting.size(); ) {
                Resting r = resting.get(k);
                Order order = r.order();
                boolean expired = order.validBars() > 0 && index - r.placedAt() > order.validBars();
                double price = expired ? Double.NaN : triggerPrice(order, open, high, low);
                if (Double.isNaN(price)) {
                    if (expired) {
                        resting.remove(k);
                    } else {
                        k++;
                    }
                    continue;
                }
                resting.remove(k);
                boolean atOpen = price == open;
                if (order.type() == Order.Type.LIMIT) {
                    account.act(order.intent().flag, index, price, 0.0, account.makerFee(), atOpen);
                } else {
                    account.act(order.intent().flag, index, price, account.slippage(index - 1), account.takerFee(),
                            atOpen);
                }
            }
        }

        /** The price a resting order fills at in this bar, or NaN if the bar does not reach it. */
        private static double triggerPrice(Order order, double open, double high, double low) {
            double level = order.price();
            boolean buy = order.intent().buys();
            if (order.type() == Order.Type.LIMIT) {
                if (buy) {
                    return open <= level ? open : low <= level ? level : Double.NaN;
                }
                return open >= level ? open : high >= level ? level : Double.NaN;
            }
            if (buy) {
                return open >= level ? open : high >= level ? level : Double.NaN;
            }
            return open <= level ? open : low <= level ? level : Double.NaN;
        }

        @Override
        public void submit(Order order) {
            if (!canTrade()) {
                return;
            }
            if (order.type() != Order.Type.MARKET) {
                resting.add(new Resting(order, index));
            } else if (config.fill() == Fill.THIS_CLOSE) {
                account.act(order.intent().flag, index, bars.close(index), account.slippage(index),
                        account.takerFee(), false);
            } else {
                atNextOpen.add(order);
            }
        }

        @Override
        public void cancelOrders() {
            resting.clear();
        }

        @Override
        public boolean canTrade() {
            return index >= from;
        }

        @Override
        public int index() {
            return index;
        }

        private int at(int ago) {
            if (ago < 0 || ago > index) {
                throw new IndexOutOfBoundsException("bars ago must be in [0, " + index + "], was " + ago);
            }
            return index - ago;
        }

        @Override
        public long openTime(int ago) {
            return bars.openTime(at(ago));
        }

        @Override
        public double open(int ago) {
            return bars.open(at(ago));
        }

        @Override
        public double high(int ago) {
            return bars.high(at(ago));
        }

        @Override
        public double low(int ago) {
            return bars.low(at(ago));
        }

        @Override
        public double close(int ago) {
            return bars.close(at(ago));
        }

        @Override
        public double volume(int ago) {
            return bars.volume(at(ago));
        }

        @Override
        public double position() {
            return account.quantity;
        }

        @Override
        public double cash() {
            return account.cash;
        }

        @Override
        public double equity() {
            return account.cash + account.quantity * bars.close(index);
        }
    }
}
