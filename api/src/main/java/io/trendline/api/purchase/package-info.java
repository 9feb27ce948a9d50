/**
 * The premium purchase as the user follows it: its status, and the receipts of completed purchases. Answered by
 * projections of the {@code Subscription} events; the commands and events themselves live in
 * {@code io.trendline.api.subscription}.
 */
package io.trendline.api.purchase;
