/** The standalone launcher: all modules and the local engines in one process. */
package io.trendline.standalone;
