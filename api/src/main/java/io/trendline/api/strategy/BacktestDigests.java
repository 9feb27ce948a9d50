package io.trendline.api.strategy;

/**
 * SHA-256 digests (lowercase hex) of a run's canonical inputs and outputs: {@code spec} (strategy, parameters and
 * execution rules), {@code bars} (every bar used, warm-up included), {@code trades}, {@code equity}; {@code input}
 * combines the engine version, spec and bars, {@code output} the trades and equity.
 */
public record BacktestDigests(String engineVersion, String spec, String bars, String trades, String equity,
                              String input, String output) {
}
