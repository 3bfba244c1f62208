package io.esop.workbench.live;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Fans every live event out to the open /live streams of this replica. Each stream filters by its user's scope
 * and drops what it cannot keep up with (a live view shows the latest, it is not a queue), so a slow browser
 * never holds memory or the consumers back.
 */
@ApplicationScoped
public class LiveHub {

    private final BroadcastProcessor<LiveEvent> processor = BroadcastProcessor.create();

    /** Called from the Kafka consumers; serialised because the processor needs one caller at a time. */
    public synchronized void publish(LiveEvent event) {
        processor.onNext(event);
    }

    public Multi<LiveEvent> events() {
        return processor.onOverflow().drop();
    }
}
