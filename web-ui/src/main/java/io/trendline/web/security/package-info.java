/**
 * The edge's security: the filter chain and its rules, bearer-token authentication for HTTP and STOMP, the acting
 * user ({@link io.trendline.web.security.CurrentUser}), roles, and problem bodies for 401 and 403.
 */
package io.trendline.web.security;
