package io.trendline.command.subscription;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.trendline.api.common.CommandRejectedException;
import io.trendline.api.common.Money;
import io.trendline.api.common.Rejection;
import io.trendline.api.subscription.CancelPremiumPurchaseCommand;
import io.trendline.api.subscription.ExpireSubscriptionCommand;
import io.trendline.api.subscription.PremiumPlan;
import io.trendline.api.subscription.RequestPremiumPurchaseCommand;
import io.trendline.api.subscription.StartSubscriptionCommand;
import io.trendline.api.subscription.UpgradeSubscriptionCommand;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.Configuration;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Runs the subscription through Axon with {@link SubscriptionConfiguration}'s snapshot trigger, storing every
 * snapshot through Jackson as the real event store does, and checks that the state rebuilt from it still decides.
 */
class SubscriptionSnapshotTest {

    private static final String ID = StartSubscriptionCommand.subscriptionIdOf("alice");
    private static final Money PRICE = Money.of("9.99", "USD");

    /** Configured like the ObjectMapper Spring Boot gives Axon. */
    private final Serializer serializer = JacksonSerializer.builder()
            .objectMapper(JsonMapper.builder().findAndAddModules()
                    .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                    .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build())
            .build();
    private final AtomicInteger snapshots = new AtomicInteger();
    private Configuration axon;

    @AfterEach
    void tearDown() {
        axon.shutdown();
    }

    @Test
    void aSubscriptionRebuiltFromItsSnapshotKeepsItsPurchasesAndValidity() {
        // given
        CommandGateway commands = startAxonWithSnapshotThreshold(3);
        Instant validUntil = Instant.now().plus(Duration.ofDays(40));
        commands.sendAndWait(StartSubscriptionCommand.forUser("alice"));
        commands.sendAndWait(request("purchase-1", "key-1"));
        commands.sendAndWait(new CancelPremiumPurchaseCommand(ID, "purchase-1", "payment declined"));
        commands.sendAndWait(request("purchase-2", "key-2"));
        commands.sendAndWait(new UpgradeSubscriptionCommand(ID, "purchase-2", validUntil));

        // when
        String repeated = commands.sendAndWait(request("purchase-3", "key-1"));

        // then
        assertThat(snapshots).hasPositiveValue();
        assertThat(repeated).isEqualTo("purchase-1");
        assertRejected(() -> commands.sendAndWait(request("purchase-3", "key-3")), "subscription.already-premium");
        assertRejected(() -> commands.sendAndWait(new ExpireSubscriptionCommand(ID, Instant.now())),
                "subscription.not-expired");
    }

    private CommandGateway startAxonWithSnapshotThreshold(int threshold) {
        axon = DefaultConfigurer.defaultConfiguration(false)
                .configureSerializer(c -> serializer)
                .configureEmbeddedEventStore(c -> new SerializingSnapshotStorageEngine())
                .configureAggregate(AggregateConfigurer.defaultConfiguration(Subscription.class)
                        .configureSnapshotTrigger(c -> new SubscriptionConfiguration()
                                .subscriptionSnapshotTrigger(c.snapshotter(), threshold)))
                .buildConfiguration();
        axon.start();
        return axon.commandGateway();
    }

    private static RequestPremiumPurchaseCommand request(String purchaseId, String key) {
        return new RequestPremiumPurchaseCommand(ID, purchaseId, PremiumPlan.MONTHLY, PRICE, key, "4242424242424242");
    }

    private static void assertRejected(Runnable command, String code) {
        assertThatThrownBy(command::run)
                .isInstanceOf(CommandRejectedException.class)
                .extracting(e -> ((CommandRejectedException) e).getDetails().orElseThrow())
                .extracting(details -> ((Rejection) details).code())
                .isEqualTo(code);
    }

    /** Keeps events in memory but stores each snapshot as what Jackson makes of it. */
    private class SerializingSnapshotStorageEngine extends InMemoryEventStorageEngine {

        @Override
        public void storeSnapshot(DomainEventMessage<?> snapshot) {
            Object payload = serializer.deserialize(serializer.serialize(snapshot.getPayload(), byte[].class));
            assertThat(payload).isInstanceOf(Subscription.class);
            snapshots.incrementAndGet();
            super.storeSnapshot(new GenericDomainEventMessage<>(snapshot.getType(), snapshot.getAggregateIdentifier(),
                    snapshot.getSequenceNumber(), payload));
        }
    }
}
