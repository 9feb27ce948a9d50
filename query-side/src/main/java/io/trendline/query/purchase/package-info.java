/** Read models of premium purchases and their receipts. */
package io.trendline.query.purchase;
