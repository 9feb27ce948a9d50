/** The audit context: queries over the event history itself. */
package io.trendline.api.audit;
