/** Configuration defaults shared by every deployable. */
package io.trendline.platform.config;
