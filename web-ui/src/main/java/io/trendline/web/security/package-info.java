/** Who a request acts for. */
package io.trendline.web.security;
