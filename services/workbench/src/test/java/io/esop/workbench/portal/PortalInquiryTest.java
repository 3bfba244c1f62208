package io.esop.workbench.portal;

import static io.esop.workbench.support.CodeFlowLogin.encode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.esop.contracts.CloudEvents;
import io.esop.contracts.Topics;
import io.esop.workbench.support.CodeFlowLogin;
import io.esop.workbench.support.Kafka;
import io.quarkus.test.junit.QuarkusTest;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

/** The portal's inquiry form becomes a PORTAL_INQUIRY signal for the token's company, on esop.signals.v1. */
@QuarkusTest
class PortalInquiryTest {

    @Test
    void anInquiryArrivesAsAPortalInquirySignalForTheCompanyInTheToken() throws Exception {
        HttpClient acme = CodeFlowLogin.login("ent-acme");
        String marker = "wb-test-" + UUID.randomUUID();
        try (KafkaConsumer<String, String> consumer = Kafka.consumer()) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.SIGNALS).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            ends.forEach(consumer::seek);

            HttpResponse<String> sent = CodeFlowLogin.postForm(acme, "/portal/inquiries",
                    "productLine=CLOUD&intent=EXPAND&estimatedMonthlyValue=3000&detail=" + encode("需要 200 核云主机 " + marker)
                            // a company id in the form is ignored: the token decides
                            + "&customerId=cust-0003");
            assertThat(sent.statusCode()).isEqualTo(200);
            assertThat(sent.uri().getPath()).isEqualTo("/portal");
            assertThat(sent.body()).contains("咨询已提交，编号 INQ-").doesNotContain("请填写需求描述");

            AtomicReference<ConsumerRecord<String, String>> found = new AtomicReference<>();
            await("the signal on esop.signals.v1").atMost(Duration.ofSeconds(60)).until(() -> {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.value() != null && record.value().contains(marker)) {
                        found.set(record);
                    }
                }
                return found.get() != null;
            });
            ConsumerRecord<String, String> record = found.get();
            JsonNode signal = Kafka.JSON.readTree(record.value());
            assertThat(signal.path("source").asText()).isEqualTo("PORTAL_INQUIRY");
            assertThat(signal.path("customerId").asText()).isEqualTo("cust-acme");
            assertThat(signal.path("productLine").asText()).isEqualTo("CLOUD");
            assertThat(signal.path("intent").asText()).isEqualTo("EXPAND");
            assertThat(signal.path("estimatedMonthlyValue").decimalValue()).isEqualByComparingTo("3000");
            assertThat(record.key()).isEqualTo("cust-acme"); // keyed by the customer it is about
            assertThat(new String(record.headers().lastHeader(CloudEvents.TYPE).value(), StandardCharsets.UTF_8))
                    .isEqualTo("esop.signal.received.v1");
        }
    }

    @Test
    void aFormWithoutADescriptionIsShownAgainWithTheFieldNamed() {
        HttpClient acme = CodeFlowLogin.login("ent-acme");
        HttpResponse<String> response = CodeFlowLogin.postForm(acme, "/portal/inquiries?lang=en",
                "productLine=CLOUD&intent=NEW&detail=&estimatedMonthlyValue=abc");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("Please describe your need")
                .contains("The expected monthly fee must be an amount of at least 0.");
    }

    @Test
    void thePortalListsTheGroupMembersPageByPage() {
        HttpClient acme = CodeFlowLogin.login("ent-acme");
        HttpResponse<String> first = CodeFlowLogin.get(acme, "/portal");
        assertThat(first.body()).contains("集团成员").contains("共 25 名成员").contains("13900000001")
                .contains("13900000020").doesNotContain("13900000021").contains("下一页");
        HttpResponse<String> second = CodeFlowLogin.get(acme, "/portal?membersCursor=13900000020");
        assertThat(second.body()).contains("13900000021").contains("13900000025").doesNotContain("13900000001<");
    }
}
