package io.esop.order.application.messaging;

import java.time.Duration;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.esop.contracts.EventTypes;
import io.esop.contracts.Topics;
import io.esop.contracts.opportunity.OpportunityConverted;
import io.esop.contracts.CloudEvents;
import io.esop.eventing.deadletter.DeadLetters;
import io.esop.eventing.inbox.Inbox;
import io.esop.order.application.service.ApplicationService;
import io.esop.order.common.messaging.Records;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;

/**
 * Turns {@code OpportunityConverted} (esop.opportunities.v1) into a draft application. Other opportunity events
 * are skipped. Idempotent twice over: the inbox (by ce_id) and one application per opportunity.
 */
@ApplicationScoped
public class OpportunityConsumer {

    static final String CONSUMER = "order.opportunity-converted";

    private final ObjectMapper objectMapper;
    private final Inbox inbox;
    private final DeadLetters deadLetters;
    private final ApplicationService applications;

    public OpportunityConsumer(ObjectMapper objectMapper, Inbox inbox, DeadLetters deadLetters,
            ApplicationService applications) {
        this.objectMapper = objectMapper;
        this.inbox = inbox;
        this.deadLetters = deadLetters;
        this.applications = applications;
    }

    @Incoming("opportunities-in")
    public Uni<Void> consume(Message<byte[]> message) {
        IncomingKafkaRecordMetadata<?, ?> kafka = message.getMetadata(IncomingKafkaRecordMetadata.class).orElseThrow();
        if (!EventTypes.OPPORTUNITY_CONVERTED.name().equals(Records.header(kafka.getHeaders(), CloudEvents.TYPE))) {
            return Uni.createFrom().completionStage(message.ack());
        }
        byte[] value = message.getPayload();
        String eventId = Optional.ofNullable(Records.header(kafka.getHeaders(), CloudEvents.ID))
                .orElse(Records.position(kafka));
        return Panache.withTransaction(() -> inbox.firstDelivery(CONSUMER, eventId).chain(first -> {
            if (!first) {
                return Uni.createFrom().voidItem();
            }
            OpportunityConverted event;
            try {
                event = objectMapper.readValue(value, OpportunityConverted.class);
            } catch (Exception e) {
                Log.warnf("Dead-lettering opportunity record %s: %s", eventId, e.getMessage());
                return deadLetters.send(Topics.ORDER_DLQ, CONSUMER, Records.source(kafka, value),
                        "unreadable OpportunityConverted: " + e.getMessage()).replaceWithVoid();
            }
            return applications.createFromOpportunity(event);
        }))
                .onFailure().retry().withBackOff(Duration.ofMillis(100), Duration.ofSeconds(5)).atMost(10)
                .chain(() -> Uni.createFrom().completionStage(message.ack()));
    }
}
