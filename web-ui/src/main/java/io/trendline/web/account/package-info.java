/**
 * Accounts: registration (which starts the user's subscription), login with access and rotating refresh tokens,
 * logout, the calling user's view, and role administration. Stored in PostgreSQL ({@code V3_0__accounts.sql}).
 */
package io.trendline.web.account;
