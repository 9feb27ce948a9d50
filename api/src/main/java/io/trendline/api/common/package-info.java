/** Types every context shares: money, command rejections and the audit metadata keys. */
package io.trendline.api.common;
