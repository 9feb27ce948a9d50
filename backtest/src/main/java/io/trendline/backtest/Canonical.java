package io.trendline.backtest;

import io.trendline.backtest.engine.BarSeries;
import io.trendline.backtest.engine.ExecutionConfig;
import io.trendline.backtest.engine.Trade;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Map;

/**
 * The canonical byte form of a run's inputs and outputs, which its digests are taken of. Big-endian; an int is 4
 * bytes, a long 8, a double its 8 IEEE-754 bytes ({@link Double#doubleToLongBits}, so every NaN is the same), a
 * boolean 1 byte, a string (and an enum, by name) an int length then UTF-8. Each form starts with its own tag
 * ({@code spec/1}, {@code bars/1}, {@code trades/1}, {@code equity/1}). Numbers are never formatted as text, whose
 * shortest form changed between JDK versions.
 * <ul>
 *     <li>spec: strategy kind; parameter count, then each (name, value) by name; capital; fill; maker and taker
 *     fee; slippage kind, value, lookback; sizing kind, value; stop-loss, take-profit, trailing stop; directions;
 *     tradeFrom; closeAtEnd</li>
 *     <li>bars: interval ms; count; then each bar's open time, open, high, low, close, volume</li>
 *     <li>trades: count; then each trade's fields in {@link Trade}'s declaration order</li>
 *     <li>equity: first trading bar; count of values from it; the values</li>
 * </ul>
 */
final class Canonical {

    private final ByteBuffer buffer = ByteBuffer.allocate(1 << 16);
    private final MessageDigest digest;
    private final ByteArrayOutputStream bytes;

    private Canonical(MessageDigest digest, ByteArrayOutputStream bytes) {
        this.digest = digest;
        this.bytes = bytes;
    }

    static Canonical toDigest() {
        try {
            return new Canonical(MessageDigest.getInstance("SHA-256"), null);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    static Canonical toBytes() {
        return new Canonical(null, new ByteArrayOutputStream());
    }

    static byte[] spec(BacktestSpec spec) {
        return toBytes().writeSpec(spec).bytes();
    }

    static byte[] trades(List<Trade> trades) {
        return toBytes().writeTrades(trades).bytes();
    }

    static byte[] equity(double[] equity, int from) {
        return toBytes().writeEquity(equity, from).bytes();
    }

    Canonical writeSpec(BacktestSpec spec) {
        putString("spec/1").putString(spec.strategy().name()).putInt(spec.parameters().size());
        for (Map.Entry<String, Double> p : spec.parameters().entrySet()) {
            putString(p.getKey()).putDouble(p.getValue());
        }
        ExecutionConfig x = spec.execution();
        putDouble(x.initialCapital()).putString(x.fill().name());
        putDouble(x.fees().maker()).putDouble(x.fees().taker());
        putString(x.slippage().kind().name()).putDouble(x.slippage().value()).putInt(x.slippage().lookback());
        putString(x.sizing().kind().name()).putDouble(x.sizing().value());
        putDouble(x.exits().stopLoss()).putDouble(x.exits().takeProfit()).putDouble(x.exits().trailingStop());
        putString(x.directions().name()).putInt(x.tradeFrom()).putBoolean(x.closeAtEnd());
        return this;
    }

    Canonical writeBars(BarSeries bars) {
        putString("bars/1").putLong(bars.intervalMillis()).putInt(bars.size());
        for (int i = 0; i < bars.size(); i++) {
            putLong(bars.openTime(i)).putDouble(bars.open(i)).putDouble(bars.high(i)).putDouble(bars.low(i))
                    .putDouble(bars.close(i)).putDouble(bars.volume(i));
        }
        return this;
    }

    Canonical writeTrades(List<Trade> trades) {
        putString("trades/1").putInt(trades.size());
        for (Trade t : trades) {
            putString(t.side().name()).putDouble(t.quantity()).putInt(t.entryIndex()).putLong(t.entryTime())
                    .putDouble(t.entryPrice()).putDouble(t.entryFee()).putInt(t.exitIndex()).putLong(t.exitTime())
                    .putDouble(t.exitPrice()).putDouble(t.exitFee()).putDouble(t.pnl())
                    .putDouble(t.returnFraction()).putString(t.exitReason().name());
        }
        return this;
    }

    Canonical writeEquity(double[] equity, int from) {
        putString("equity/1").putInt(from).putInt(equity.length - from);
        for (int i = from; i < equity.length; i++) {
            putDouble(equity[i]);
        }
        return this;
    }

    Canonical putString(String value) {
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        putInt(utf8.length);
        for (byte b : utf8) {
            room(1).put(b);
        }
        return this;
    }

    Canonical putInt(int value) {
        room(4).putInt(value);
        return this;
    }

    Canonical putLong(long value) {
        room(8).putLong(value);
        return this;
    }

    Canonical putDouble(double value) {
        room(8).putLong(Double.doubleToLongBits(value));
        return this;
    }

    Canonical putBoolean(boolean value) {
        room(1).put((byte) (value ? 1 : 0));
        return this;
    }

    private ByteBuffer room(int needed) {
        if (buffer.remaining() < needed) {
            flush();
        }
        return buffer;
    }

    private void flush() {
        if (digest != null) {
            digest.update(buffer.array(), 0, buffer.position());
        } else {
            bytes.write(buffer.array(), 0, buffer.position());
        }
        buffer.clear();
    }

    byte[] bytes() {
        flush();
        return bytes.toByteArray();
    }

    byte[] sha256() {
        flush();
        return digest.digest();
    }
}
