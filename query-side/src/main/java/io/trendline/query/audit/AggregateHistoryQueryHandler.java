package io.trendline.query.audit;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.trendline.api.audit.AggregateHistory;
import io.trendline.api.audit.EventRecord;
import io.trendline.api.audit.FetchAggregateHistoryQuery;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

/** Reads an aggregate's history straight from the event store, from its first event, ignoring snapshots. */
@Component
class AggregateHistoryQueryHandler {

    private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {
    };

    private final EventStore eventStore;
    private final ObjectMapper json;

    AggregateHistoryQueryHandler(EventStore eventStore, ObjectMapper json) {
        this.eventStore = eventStore;
        this.json = json;
    }

    @QueryHandler
    AggregateHistory handle(FetchAggregateHistoryQuery query) {
        List<EventRecord> events = new ArrayList<>();
        DomainEventStream stream = eventStore.readEvents(query.aggregateId(), 0);
        while (stream.hasNext()) {
            DomainEventMessage<?> event = stream.next();
            if (query.asOf() != null && event.getTimestamp().isAfter(query.asOf())) {
                break;
            }
            events.add(new EventRecord(event.getIdentifier(), event.getAggregateIdentifier(),
                    event.getSequenceNumber(), event.getPayloadType().getSimpleName(), revisionOf(event),
                    event.getTimestamp(), json.convertValue(event.getPayload(), MAP),
                    new LinkedHashMap<>(event.getMetaData())));
        }
        return new AggregateHistory(query.aggregateId(), events);
    }

    private static String revisionOf(DomainEventMessage<?> event) {
        var revision = event.getPayloadType().getAnnotation(org.axonframework.serialization.Revision.class);
        return revision == null ? null : revision.value();
    }
}
