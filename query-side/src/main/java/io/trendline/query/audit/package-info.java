/** The auditor's view of the event history. */
package io.trendline.query.audit;
