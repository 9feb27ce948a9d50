/** Sending commands with their audit metadata. */
package io.trendline.web.command;
