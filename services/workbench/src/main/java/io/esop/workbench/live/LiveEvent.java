package io.esop.workbench.live;

import java.time.Instant;
import java.util.Set;

/**
 * An event from one of the topics the workbench shows, reduced to what decides who may see it (customer, owner,
 * team, region, the people it names) and what a person is shown (kind, subject, a short summary).
 *
 * @param id         the CloudEvents id (ce_id), or topic-partition-offset when absent
 * @param kind       opportunity, order, sla or customer
 * @param type       the CloudEvents type (ce_type)
 * @param subject    the aggregate id (the Kafka key)
 * @param people     usernames the event names: owner, responsible user, account manager, requester, approver
 * @param summary    a milestone, a state, an alert kind or a product line: what changed, in the event's own words
 */
public record LiveEvent(String id, String kind, String type, String subject, String customerId, String teamId,
        String region, Set<String> people, String summary, Instant occurredAt) {

    public LiveEvent {
        people = Set.copyOf(people);
    }
}
