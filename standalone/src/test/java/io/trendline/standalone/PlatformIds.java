package io.trendline.standalone;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** The purchase id the API derives from a user and an idempotency key (as {@code SubscriptionController} does). */
final class PlatformIds {

    private PlatformIds() {
    }

    static String purchaseIdOf(String userId, String idempotencyKey) {
        return UUID.nameUUIDFromBytes(("premium-purchase\n" + userId + "\n" + idempotencyKey)
                .getBytes(StandardCharsets.UTF_8)).toString();
    }
}
