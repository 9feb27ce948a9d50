/** Access tokens: the key ring (one signing key, several verification keys by {@code kid}) and the JWT service. */
package io.trendline.web.security.token;
