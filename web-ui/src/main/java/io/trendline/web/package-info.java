/** The edge: REST API, problem details, and the single-page app. */
package io.trendline.web;
