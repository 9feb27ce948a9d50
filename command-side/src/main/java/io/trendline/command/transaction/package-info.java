/** The {@code Transaction} aggregate: one payment, from creation to executed, failed or refunded. */
package io.trendline.command.transaction;
