/** The command side: event-sourced aggregates and their invariants. */
package io.trendline.command;
