package io.esop.eventing;

import org.hibernate.reactive.mutiny.Mutiny;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * The caller's Hibernate Reactive session, only when it has an open transaction: outbox and inbox
 * writes are worthless outside one (they would commit on their own).
 */
public final class Transactions {

    private Transactions() {
    }

    public static Uni<Mutiny.Session> currentTransactionalSession(String caller) {
        return Uni.createFrom().deferred(Panache::getSession)
                .onFailure().transform(e -> notInTransaction(caller, e))
                .invoke(session -> {
                    if (session.currentTransaction() == null) {
                        throw notInTransaction(caller, null);
                    }
                });
    }

    private static IllegalStateException notInTransaction(String caller, Throwable cause) {
        return new IllegalStateException(caller + " must run inside the caller's reactive transaction "
                + "(@WithTransaction or Panache.withTransaction), so that it commits or rolls back with it", cause);
    }
}
