package io.esop.eventing;

import java.util.function.Supplier;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;

/** Runs reactive work from a test thread, the way a service's {@code @WithTransaction} method would. */
public final class Tx {

    private Tx() {
    }

    /** In one reactive transaction, committed when the Uni succeeds and rolled back when it fails. */
    public static <T> T inTransaction(Supplier<Uni<T>> work) {
        return onVertxContext(() -> Panache.withTransaction(work));
    }

    /** On a Vert.x context, with no session or transaction. */
    public static <T> T onVertxContext(Supplier<Uni<T>> work) {
        try {
            return VertxContextSupport.subscribeAndAwait(work);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }
}
