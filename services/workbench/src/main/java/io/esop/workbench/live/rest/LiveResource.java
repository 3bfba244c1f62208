package io.esop.workbench.live.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.esop.workbench.common.config.WorkbenchConfig;
import io.esop.workbench.common.web.CurrentUser;
import io.esop.workbench.common.web.Lang;
import io.esop.workbench.common.web.Msg;
import io.esop.workbench.common.web.UserScope;
import io.esop.workbench.live.CustomerDirectory;
import io.esop.workbench.live.LiveEvent;
import io.esop.workbench.live.LiveHub;
import io.esop.workbench.live.ScopeFilter;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Multi;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import java.time.Duration;
import java.util.Locale;

/**
 * One server-sent-event stream per signed-in user: first a "ready" event, then every event in the user's scope
 * (unnamed, JSON), with a "ping" now and then so that proxies keep the connection. The browser's EventSource
 * reconnects by itself; the stream keeps no per-user state, so any replica serves any reconnect.
 */
@Path("/live")
@Authenticated
public class LiveResource {

    private final LiveHub hub;
    private final CustomerDirectory directory;
    private final CurrentUser user;
    private final ObjectMapper mapper;
    private final WorkbenchConfig config;

    public LiveResource(LiveHub hub, CustomerDirectory directory, CurrentUser user, ObjectMapper mapper,
            WorkbenchConfig config) {
        this.hub = hub;
        this.directory = directory;
        this.user = user;
        this.mapper = mapper;
        this.config = config;
    }

    /** What the browser receives for one event; labels in the user's language. */
    @io.quarkus.runtime.annotations.RegisterForReflection
    public record LiveMessage(String id, String kind, String label, String type, String subject, String customerId,
            String summary, String occurredAt) {
    }

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public Multi<OutboundSseEvent> stream(@Context Sse sse, @Context UriInfo uri, @Context HttpHeaders headers) {
        UserScope scope = user.scope();
        Locale locale = Lang.of(uri, headers);
        Msg msg = MessageBundles.get(Msg.class, Localized.Literal.of(Lang.tag(locale)));
        Multi<OutboundSseEvent> events = hub.events()
                .filter(event -> ScopeFilter.visible(scope, event, directory))
                .map(event -> sse.newEventBuilder().id(event.id()).mediaType(MediaType.TEXT_PLAIN_TYPE)
                        .data(json(message(event, msg))).build());
        Multi<OutboundSseEvent> pings = Multi.createFrom().ticks()
                .every(Duration.ofSeconds(config.liveHeartbeatSeconds()))
                .onOverflow().drop()
                .map(tick -> sse.newEventBuilder().name("ping").data("").build());
        Multi<OutboundSseEvent> ready = Multi.createFrom().item(
                sse.newEventBuilder().name("ready").data(scope.username()).reconnectDelay(3000).build());
        return Multi.createBy().concatenating().streams(ready, Multi.createBy().merging().streams(events, pings));
    }

    private static LiveMessage message(LiveEvent event, Msg msg) {
        String label = switch (event.kind()) {
            case "opportunity" -> msg.live_opportunity();
            case "order" -> msg.live_order();
            case "sla" -> msg.live_sla();
            default -> msg.live_customer();
        };
        return new LiveMessage(event.id(), event.kind(), label, event.type(), event.subject(), event.customerId(),
                event.summary(), event.occurredAt() == null ? null : event.occurredAt().toString());
    }

    private String json(LiveMessage message) {
        try {
            return mapper.writeValueAsString(message);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
