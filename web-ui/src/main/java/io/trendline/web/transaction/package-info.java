/** The transactions API: the user's payments. */
package io.trendline.web.transaction;
