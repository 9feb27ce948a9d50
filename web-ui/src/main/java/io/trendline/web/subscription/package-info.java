/** The subscription API: the user's plan, premium purchases and their receipts. */
package io.trendline.web.subscription;
