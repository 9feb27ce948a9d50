/** Running requested backtests: the request as the engine sees it, the runner, its progress reports. */
package io.trendline.runner.run;
