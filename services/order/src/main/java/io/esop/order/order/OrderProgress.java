package io.esop.order.order;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import io.esop.contracts.order.Milestone;
import io.esop.contracts.order.ProgressKind;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** One entry of an order's fulfilment timeline, at the sequence the fulfilment system gave it. */
@Entity
@Table(name = "order_progress")
@IdClass(OrderProgress.Key.class)
public class OrderProgress extends PanacheEntityBase {

    @Id
    @Column(name = "order_id")
    public String orderId;

    @Id
    public long sequence;

    @Column(name = "event_id")
    public String eventId;

    @Enumerated(EnumType.STRING)
    public Milestone milestone;

    @Enumerated(EnumType.STRING)
    public ProgressKind kind;

    public String system;

    public String detail;

    @Column(name = "occurred_at")
    public Instant occurredAt;

    @Column(name = "received_at", insertable = false, updatable = false)
    public Instant receivedAt;

    public static class Key implements Serializable {
        public String orderId;
        public long sequence;

        public Key() {
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.sequence == sequence && Objects.equals(k.orderId, orderId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(orderId, sequence);
        }
    }
}
