/** Rate limits with Bucket4j: per user, per address, and on the credential endpoints. */
package io.trendline.web.security.ratelimit;
