/** Endpoints that need the premium entitlement. */
package io.trendline.web.premium;
