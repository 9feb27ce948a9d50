/** The investment-strategy context: commands, events and queries of the {@code Strategy} aggregate. */
package io.trendline.api.strategy;
