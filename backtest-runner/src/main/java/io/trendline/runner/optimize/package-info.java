/** Parameter searches (grid, random, walk-forward) over stored bars, on every core of the runner. */
package io.trendline.runner.optimize;
