/** What other modules may ask of the accounts, which live at the edge: a user's contact address. */
package io.trendline.api.account;
