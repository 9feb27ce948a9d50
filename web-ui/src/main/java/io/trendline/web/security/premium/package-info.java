/** The premium entitlement: {@code @RequiresPremium}, checked against the subscription projection. */
package io.trendline.web.security.premium;
