/** Machine learning: price prediction and news sentiment, their training and serving. */
package io.trendline.ml;
