/** The subscription read model: each user's plan, for entitlement checks. */
package io.trendline.query.subscription;
