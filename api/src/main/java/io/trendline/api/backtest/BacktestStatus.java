package io.trendline.api.backtest;

/** Where a run stands: asked for, finished with results, or given up with a reason. */
public enum BacktestStatus { REQUESTED, COMPLETED, FAILED }
