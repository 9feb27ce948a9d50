package io.trendline.backtest.engine;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A strategy that places given orders at the close of given bars. */
final class Scripted implements Strategy {

    private final Map<Integer, List<Order>> orders = new HashMap<>();

    static Scripted at(int bar, Order... orders) {
        return new Scripted().and(bar, orders);
    }

    Scripted and(int bar, Order... placed) {
        orders.put(bar, List.of(placed));
        return this;
    }

    @Override
    public void onBar(StrategyContext context) {
        orders.getOrDefault(context.index(), List.of()).forEach(context::submit);
    }
}
