package io.esop.customer.member;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** A group member (集团成员): an employee's mobile line under the customer's group account. */
@Entity
@Table(name = "group_member")
@IdClass(GroupMember.Key.class)
public class GroupMember {

    @Id
    @Column(name = "customer_id")
    public String customerId;

    /** The mobile number, 11 digits without country code. */
    @Id
    public String msisdn;

    @Column(name = "added_at", nullable = false)
    public Instant addedAt;

    public static class Key implements Serializable {
        public String customerId;
        public String msisdn;

        public Key() {
        }

        public Key(String customerId, String msisdn) {
            this.customerId = customerId;
            this.msisdn = msisdn;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(customerId, k.customerId) && Objects.equals(msisdn, k.msisdn);
        }

        @Override
        public int hashCode() {
            return Objects.hash(customerId, msisdn);
        }
    }
}
