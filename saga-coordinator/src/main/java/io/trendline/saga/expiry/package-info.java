/**
 * Premium expiry: each upgrade schedules a persistent task at the end of the validity it bought, which sends
 * {@code ExpireSubscriptionCommand}; the subscription decides whether it has really expired.
 */
package io.trendline.saga.expiry;
