/** Strategy endpoints. */
package io.trendline.web.strategy;
