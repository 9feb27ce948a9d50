/** RFC 9457 problem bodies for every refusal. */
package io.trendline.web.problem;
