package io.trendline.api.account;

/** Where to write to a user (receipts); answered with an optional e-mail address, empty for an unknown user. */
public record FindContactAddressQuery(String userId) {
}
