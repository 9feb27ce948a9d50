/** The {@code Subscription} aggregate: a user's plan and the premium purchases made on it. */
package io.trendline.command.subscription;
