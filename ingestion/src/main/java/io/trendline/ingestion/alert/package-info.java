/** Price alerts: a move beyond a threshold within a window of closed candles goes to the {@code alerts} topic. */
package io.trendline.ingestion.alert;
