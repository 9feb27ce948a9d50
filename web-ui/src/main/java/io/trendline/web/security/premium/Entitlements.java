package io.trendline.web.security.premium;

import io.trendline.api.subscription.FindSubscriptionQuery;
import io.trendline.api.subscription.Plan;
import io.trendline.api.subscription.SubscriptionView;
import java.time.Clock;
import java.util.Optional;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

/**
 * What a user is entitled to, read from the subscription projection at the moment of the request, so an upgrade or
 * an expiry applies from the next request on (not only after the access token is renewed).
 */
@Component
public class Entitlements {

    private final QueryGateway queries;
    private final Clock clock;

    public Entitlements(QueryGateway queries, Clock clock) {
        this.queries = queries;
        this.clock = clock;
    }

    public Optional<SubscriptionView> subscription(String userId) {
        return queries.query(new FindSubscriptionQuery(userId),
                ResponseTypes.optionalInstanceOf(SubscriptionView.class)).join();
    }

    /** Premium now: on the premium plan with a validity that has not ended (expiry may not have been processed). */
    public boolean isPremium(String userId) {
        return subscription(userId).map(this::isPremium).orElse(false);
    }

    public boolean isPremium(SubscriptionView view) {
        return view.plan() == Plan.PREMIUM && view.validUntil() != null
                && view.validUntil().isAfter(clock.instant());
    }
}
