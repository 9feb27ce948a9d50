/** The subscription read model: a user's plan, validity and pending purchase. */
package io.trendline.query.subscription;
