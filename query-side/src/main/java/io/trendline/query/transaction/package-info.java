/** The payment transactions read model: every payment of a user and what became of it. */
package io.trendline.query.transaction;
