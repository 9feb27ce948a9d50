/** The strategy read model and the queries it answers. */
package io.trendline.query.strategy;
