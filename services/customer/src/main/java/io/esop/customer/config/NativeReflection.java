package io.esop.customer.config;

import io.esop.contracts.customer.CustomerSnapshot;
import io.esop.contracts.staff.StaffSnapshot;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** The event payloads the outbox serializes with Jackson outside REST, registered for the native build. */
@RegisterForReflection(targets = { CustomerSnapshot.class, StaffSnapshot.class })
public final class NativeReflection {

    private NativeReflection() {
    }
}
