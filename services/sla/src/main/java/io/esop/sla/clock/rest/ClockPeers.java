package io.esop.sla.clock.rest;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.state.HostInfo;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.esop.contracts.sla.SlaSubjectType;
import io.esop.sla.clock.service.ClockQueries.EngineNotReady;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * The other instances of the engine, from Kafka Streams' metadata ({@code application.server} of each member),
 * asked for the clocks they hold. An instance that cannot answer makes the whole answer 503, never a silently
 * partial list.
 */
@ApplicationScoped
public class ClockPeers {

    private static final TypeReference<List<ClockView>> VIEWS = new TypeReference<>() {
    };

    private final KafkaStreams streams;
    private final ObjectMapper mapper;
    private final Optional<String> self;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    ClockPeers(KafkaStreams streams, ObjectMapper mapper,
            @ConfigProperty(name = "kafka-streams.application.server") Optional<String> self) {
        this.streams = streams;
        this.mapper = mapper;
        this.self = self;
    }

    /** Every other instance's clocks of the subject, as the caller (their token) may see them. */
    public Uni<List<ClockView>> ask(SlaSubjectType subjectType, String subjectId, String authorization) {
        List<HostInfo> others = others();
        if (others.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        // the answers complete on the HTTP client's threads; the request (its database session) goes on in its
        // own Vert.x context
        Context context = Vertx.currentContext();
        List<Uni<List<ClockView>>> answers = others.stream().map(peer -> ask(peer, subjectType, subjectId,
                authorization)).toList();
        Uni<List<List<ClockView>>> joined = Uni.join().all(answers).andFailFast();
        if (context != null) {
            joined = joined.emitOn(command -> context.runOnContext(ignored -> command.run()));
        }
        return joined.map(lists -> {
            List<ClockView> all = new ArrayList<>();
            lists.forEach(all::addAll);
            return all;
        });
    }

    List<HostInfo> others() {
        if (self.isEmpty()) {
            return List.of(); // a single instance without an advertised address
        }
        return streams.metadataForAllStreamsClients().stream().map(StreamsMetadata::hostInfo)
                .filter(h -> h.port() > 0 && !(h.host() + ":" + h.port()).equals(self.get()))
                .distinct().toList();
    }

    private Uni<List<ClockView>> ask(HostInfo peer, SlaSubjectType subjectType, String subjectId,
            String authorization) {
        URI uri = URI.create("http://" + peer.host() + ":" + peer.port() + "/clocks/local?subjectType="
                + subjectType + "&subjectId=" + URLEncoder.encode(subjectId, StandardCharsets.UTF_8));
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5))
                .header("Accept", "application/json");
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return Uni.createFrom().completionStage(() -> http.sendAsync(request.build(),
                HttpResponse.BodyHandlers.ofByteArray()))
                .onFailure().transform(e -> new EngineNotReady())
                .map(response -> {
                    if (response.statusCode() == 404) {
                        return List.<ClockView>of();
                    }
                    if (response.statusCode() != 200) {
                        throw new EngineNotReady();
                    }
                    try {
                        return mapper.readValue(response.body(), VIEWS);
                    } catch (java.io.IOException e) {
                        throw new EngineNotReady();
                    }
                });
    }
}
