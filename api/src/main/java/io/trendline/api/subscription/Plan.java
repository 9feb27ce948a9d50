package io.trendline.api.subscription;

/** What a user is entitled to right now. */
public enum Plan {
    FREE,
    PREMIUM
}
