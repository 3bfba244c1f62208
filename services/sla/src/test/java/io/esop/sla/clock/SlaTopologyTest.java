package io.esop.sla.clock;

import static io.esop.sla.support.Events.JSON;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Properties;

import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.esop.contracts.EsopEvent;
import io.esop.contracts.ProductLine;
import io.esop.contracts.ValueTier;
import io.esop.contracts.customer.CustomerSnapshot;
import io.esop.contracts.customer.CustomerStatus;
import io.esop.contracts.opportunity.OpportunityStage;
import io.esop.contracts.order.Milestone;
import io.esop.contracts.order.OrderState;
import io.esop.contracts.order.ProgressKind;
import io.esop.contracts.sla.AlertKind;
import io.esop.contracts.sla.BusinessCalendar;
import io.esop.contracts.sla.CalendarKind;
import io.esop.contracts.sla.ClockType;
import io.esop.contracts.sla.SlaAlert;
import io.esop.contracts.sla.SlaPolicy;
import io.esop.eventing.deadletter.DeadLetterHeaders;
import io.esop.sla.clock.messaging.SlaTopics;
import io.esop.sla.clock.messaging.SlaTopology;
import io.esop.sla.support.Events;

/** The topology on its own (TopologyTestDriver, mocked wall clock): when clocks start, stop, pause and fire. */
class SlaTopologyTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final SlaTopics TOPICS = new SlaTopics("opps", "orders", "customers", "policies", "alerts", "dlq");
    static final Instant T0 = Instant.parse("2026-12-01T02:00:00Z"); // a Tuesday, 10:00 in Shanghai

    TopologyTestDriver driver;
    TestInputTopic<String, byte[]> opps;
    TestInputTopic<String, byte[]> orders;
    TestInputTopic<String, byte[]> policies;
    TestInputTopic<String, byte[]> customers;
    TestOutputTopic<String, byte[]> alerts;
    TestOutputTopic<String, byte[]> dlq;

    void start(Instant wallClock) {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "sla-topology-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "dummy:9092");
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        props.put(StreamsConfig.STATE_DIR_CONFIG, "target/ttd-state");
        driver = new TopologyTestDriver(SlaTopology.build(TOPICS, Duration.ofMillis(250), Duration.ofMillis(50), JSON), props, wallClock);
        opps = driver.createInputTopic("opps", new StringSerializer(), new ByteArraySerializer());
        orders = driver.createInputTopic("orders", new StringSerializer(), new ByteArraySerializer());
        policies = driver.createInputTopic("policies", new StringSerializer(), new ByteArraySerializer());
        customers = driver.createInputTopic("customers", new StringSerializer(), new ByteArraySerializer());
        alerts = driver.createOutputTopic("alerts", new StringDeserializer(), new ByteArrayDeserializer());
        dlq = driver.createOutputTopic("dlq", new StringDeserializer(), new ByteArrayDeserializer());
    }

    @BeforeEach
    void setUp() {
        start(T0);
        publish(Events.policy("p-opp", ValueTier.KEY, ProductLine.CLOUD, ClockType.OPPORTUNITY_FIRST_CONTACT,
                Duration.ofMinutes(10), Duration.ofMinutes(5), BusinessCalendar.always()));
        publish(Events.policy("p-appr", ValueTier.KEY, ProductLine.CLOUD, ClockType.APPROVAL_DECISION,
                Duration.ofMinutes(10), null, BusinessCalendar.always()));
        publish(Events.policy("p-total", ValueTier.KEY, ProductLine.CLOUD, ClockType.ORDER_TOTAL,
                Duration.ofMinutes(10), null, BusinessCalendar.always()));
        publish(Events.policy("p-ms", ValueTier.KEY, ProductLine.CLOUD, ClockType.ORDER_MILESTONE,
                Duration.ofMinutes(10), null, BusinessCalendar.always()));
        publish(Events.policy("p-strategic", ValueTier.STRATEGIC, ProductLine.CLOUD,
                ClockType.OPPORTUNITY_FIRST_CONTACT, Duration.ofMinutes(2), null, BusinessCalendar.always()));
    }

    @AfterEach
    void tearDown() {
        driver.close();
    }

    void publish(SlaPolicy policy) {
        policies.pipeInput(policy.policyId(), Events.json(policy));
    }

    void send(EsopEvent event) {
        TestInputTopic<String, byte[]> topic = Events.topicOf(event).equals("esop.opportunities.v1") ? opps : orders;
        topic.pipeInput(new TestRecord<>(event.key(), Events.json(event), Events.headers(event), event.occurredAt()));
    }

    List<SlaAlert> drain() {
        return alerts.readValuesToList().stream().map(v -> {
            try {
                return JSON.readValue(v, SlaAlert.class);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    void advanceTo(Instant wall) {
        driver.advanceWallClockTime(Duration.between(currentWall, wall));
        currentWall = wall;
    }

    Instant currentWall = T0;

    @Test
    void firstContactClockWarnsBreachesEscalatesOnceEachThenIsMet() {
        send(Events.assigned("o1", 1, "cm-zhang", ValueTier.KEY, ProductLine.CLOUD, T0));
        advanceTo(T0.plusSeconds(299));
        assertThat(drain()).isEmpty();
        advanceTo(T0.plusSeconds(301)); // warning at 50 % of 10 min
        assertThat(drain()).extracting(SlaAlert::kind).containsExactly(AlertKind.WARNING);
        advanceTo(T0.plusSeconds(601));
        List<SlaAlert> breach = drain();
        assertThat(breach).extracting(SlaAlert::kind).containsExactly(AlertKind.BREACHED);
        assertThat(breach.get(0).dueAt()).isEqualTo(T0.plusSeconds(600));
        assertThat(breach.get(0).responsibleUserId()).isEqualTo("cm-zhang");
        assertThat(breach.get(0).clockType()).isEqualTo(ClockType.OPPORTUNITY_FIRST_CONTACT);
        assertThat(breach.get(0)).extracting(SlaAlert::teamId, SlaAlert::valueTier, SlaAlert::productLine,
                SlaAlert::lateness).containsExactly("sh-enterprise", ValueTier.KEY, ProductLine.CLOUD, null);
        advanceTo(T0.plusSeconds(901));
        List<SlaAlert> escalation = drain();
        assertThat(escalation).extracting(SlaAlert::kind, SlaAlert::level)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(AlertKind.ESCALATED, 1));
        advanceTo(T0.plusSeconds(1300));
        assertThat(drain()).extracting(SlaAlert::level).containsExactly(2);
        advanceTo(T0.plusSeconds(3000));
        assertThat(drain()).isEmpty();
        send(Events.stage("o1", 2, OpportunityStage.ASSIGNED, OpportunityStage.CONTACTED, ValueTier.KEY,
                ProductLine.CLOUD, T0.plusSeconds(3000)));
        List<SlaAlert> met = drain();
        assertThat(met).extracting(SlaAlert::kind).containsExactly(AlertKind.MET);
        assertThat(met.get(0).occurredAt()).isAfter(met.get(0).dueAt()); // late
        assertThat(met.get(0).lateness()).isEqualTo(Duration.ofSeconds(3000 - 600));
        assertThat(met.get(0).late()).isTrue();
        send(Events.stage("o1", 3, OpportunityStage.CONTACTED, OpportunityStage.QUALIFIED, ValueTier.KEY,
                ProductLine.CLOUD, T0.plusSeconds(3001)));
        assertThat(drain()).isEmpty();
    }

    @Test
    void lostOpportunityCancelsItsClock() {
        send(Events.assigned("o2", 1, "cm-zhang", ValueTier.KEY, ProductLine.CLOUD, T0));
        send(Events.stage("o2", 2, OpportunityStage.ASSIGNED, OpportunityStage.LOST, ValueTier.KEY,
                ProductLine.CLOUD, T0.plusSeconds(10)));
        assertThat(drain()).extracting(SlaAlert::kind).containsExactly(AlertKind.CANCELLED);
        advanceTo(T0.plusSeconds(3600));
        assertThat(drain()).isEmpty();
    }

    @Test
    void approvalClockStartsOnRequestAndStopsOnDecision() {
        send(Events.approvalRequested("app-1", "apv-1", 1, "dir-wang", ValueTier.KEY, ProductLine.CLOUD, T0));
        send(Events.approvalDecided("app-1", "apv-1", 2, T0.plusSeconds(60)));
        List<SlaAlert> met = drain();
        assertThat(met).extracting(SlaAlert::kind, SlaAlert::clockType, SlaAlert::responsibleUserId)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(AlertKind.MET, ClockType.APPROVAL_DECISION,
                        "dir-wang"));
        assertThat(met.get(0).dueAt()).isEqualTo(T0.plusSeconds(600));
    }

    @Test
    void orderTotalPausesWhileHeldAndKeepsSpentTime() {
        send(Events.orderSubmitted("ord-1", 1, "cm-zhang", ValueTier.KEY, ProductLine.CLOUD, T0));
        send(Events.orderState("ord-1", 2, OrderState.ACKNOWLEDGED, OrderState.HELD, "cm-zhang", ValueTier.KEY,
                ProductLine.CLOUD, T0.plusSeconds(120)));
        advanceTo(T0.plusSeconds(900));
        assertThat(drain()).isEmpty(); // held: neither warning (5 min) nor breach (10 min)
        send(Events.orderState("ord-1", 3, OrderState.HELD, OrderState.IN_PROGRESS, "cm-zhang", ValueTier.KEY,
                ProductLine.CLOUD, T0.plusSeconds(900)));
        // 2 min spent before the hold: warning after 3 more minutes, breach after 8 more
        advanceTo(T0.plusSeconds(900 + 179));
        assertThat(drain()).isEmpty();
        advanceTo(T0.plusSeconds(900 + 181));
        assertThat(drain()).extracting(SlaAlert::kind).containsExactly(AlertKind.WARNING);
        advanceTo(T0.plusSeconds(900 + 481));
        List<SlaAlert> breach = drain();
        assertThat(breach).extracting(SlaAlert::kind).containsExactly(AlertKind.BREACHED);
        assertThat(breach.get(0).dueAt()).isEqualTo(T0.plusSeconds(900 + 480));
        send(Events.orderCompleted("ord-1", 4, "cm-zhang", ValueTier.KEY, ProductLine.CLOUD, T0.plusSeconds(1500)));
        assertThat(drain()).extracting(SlaAlert::kind).containsExactly(AlertKind.MET);
    }

    @Test
    void milestoneClocksRunFromThePreviousCompletion() {
        send(Events.orderSubmitted("ord-2", 1, "cm-zhang", ValueTier.KEY, ProductLine.CLOUD, T0));
        send(Events.milestone("ord-2", 2, Milestone.RESOURCE_CHECK, ProgressKind.MILESTONE_STARTED, "cm-zhang",
                ValueTier.KEY, ProductLine.CLOUD, T0));
        send(Events.milestone("ord-2", 3, Milestone.RESOURCE_CHECK, ProgressKind.MILESTONE_COMPLETED, "cm-zhang",
                ValueTier.KEY, ProductLine.CLOUD, T0.plusSeconds(60)));
        assertThat(drain()).extracting(SlaAlert::kind, SlaAlert::milestone)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(AlertKind.MET, Milestone.RESOURCE_CHECK));
        KeyValueStore<String, ClockState> store = driver.getKeyValueStore(SlaTopology.CLOCK_STORE);
        ClockState survey = store.get(ClockIds.milestone("ord-2", Milestone.SITE_SURVEY));
        assertThat(survey.status()).isEqualTo(ClockStatus.RUNNING);
        assertThat(survey.startedAt()).isEqualTo(T0.plusSeconds(60));
        send(Events.orderState("ord-2", 4, OrderState.IN_PROGRESS, OrderState.CANCELLED, "cm-zhang", ValueTier.KEY,
                ProductLine.CLOUD, T0.plusSeconds(120)));
        assertThat(drain()).extracting(SlaAlert::kind).containsExactlyInAnyOrder(AlertKind.CANCELLED,
                AlertKind.CANCELLED);
    }

    @Test
    void lateAndDuplicateEventsNeverMoveAClockBack() {
        send(Events.assigned("o3", 1, "cm-zhang", ValueTier.KEY, ProductLine.CLOUD, T0));
        send(Events.stage("o3", 3, OpportunityStage.ASSIGNED, OpportunityStage.CONTACTED, ValueTier.KEY,
                ProductLine.CLOUD, T0.plusSeconds(30)));
        send(Events.assigned("o3", 1, "cm-zhang", ValueTier.KEY, ProductLine.CLOUD, T0));
        send(Events.stage("o3", 2, OpportunityStage.ASSIGNED, OpportunityStage.LOST, ValueTier.KEY,
                ProductLine.CLOUD, T0.plusSeconds(20)));
        assertThat(drain()).extracting(SlaAlert::kind).containsExactly(AlertKind.MET);
    }

    @Test
    void theCustomersTierPicksThePolicy() {
        customers.pipeInput("cust-o4", Events.json(new CustomerSnapshot("cust-o4", "ACME", "91310000MA1FL0000X",
                io.esop.contracts.Industry.FINANCE, "310000", ValueTier.STRATEGIC, CustomerStatus.ACTIVE, "cm-zhang",
                "sh-enterprise", java.math.BigDecimal.ZERO, java.math.BigDecimal.ZERO, T0, 3, T0)));
        send(Events.assigned("o4", 1, "cm-zhang", ValueTier.KEY, ProductLine.CLOUD, T0));
        ClockState clock = driver.<String, ClockState>getKeyValueStore(SlaTopology.CLOCK_STORE)
                .get(ClockIds.firstContact("o4"));
        assertThat(clock.policyId()).isEqualTo("p-strategic");
        assertThat(clock.valueTier()).isEqualTo(ValueTier.STRATEGIC);
    }

    @Test
    void aNewPolicyVersionAppliesOnlyToClocksStartedAfterIt() {
        send(Events.assigned("o5", 1, "cm-zhang", ValueTier.KEY, ProductLine.CLOUD, T0));
        SlaPolicy v1 = Events.policy("p-opp", ValueTier.KEY, ProductLine.CLOUD, ClockType.OPPORTUNITY_FIRST_CONTACT,
                Duration.ofMinutes(10), Duration.ofMinutes(5), BusinessCalendar.always());
        publish(new SlaPolicy(v1.policyId(), 2, v1.valueTier(), v1.productLine(), v1.clockType(), null, null,
                Duration.ofHours(1), 80, List.of(), v1.calendar(), T0, T0));
        advanceTo(T0.plusSeconds(2)); // let the catalogue refresh
        send(Events.assigned("o6", 1, "cm-zhang", ValueTier.KEY, ProductLine.CLOUD, T0.plusSeconds(2)));
        KeyValueStore<String, ClockState> store = driver.getKeyValueStore(SlaTopology.CLOCK_STORE);
        assertThat(store.get(ClockIds.firstContact("o5")).policyVersion()).isEqualTo(1);
        assertThat(store.get(ClockIds.firstContact("o6")).policyVersion()).isEqualTo(2);
        // the older clock keeps firing by version 1 (its warning at 5 min), the newer by version 2 (48 min)
        advanceTo(T0.plusSeconds(301));
        assertThat(drain()).extracting(SlaAlert::clockId, SlaAlert::kind, SlaAlert::policyVersion)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(ClockIds.firstContact("o5"), AlertKind.WARNING, 1));
    }

    @Test
    void businessHoursClockFromFridayFivePmBreachesMondayNoon() {
        driver.close();
        Instant friday = LocalDateTime.parse("2026-12-04T17:00").atZone(SHANGHAI).toInstant();
        currentWall = friday;
        start(friday);
        BusinessCalendar hours = new BusinessCalendar(CalendarKind.BUSINESS_HOURS, null,
                List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
                        DayOfWeek.FRIDAY),
                LocalTime.of(9, 0), LocalTime.of(18, 0), List.of(LocalDate.parse("2026-12-08")), List.of());
        publish(Events.policy("p-hours", ValueTier.KEY, ProductLine.IDC, ClockType.OPPORTUNITY_FIRST_CONTACT,
                Duration.ofHours(4), null, hours));
        send(Events.assigned("o7", 1, "cm-li", ValueTier.KEY, ProductLine.IDC, friday));
        Instant mondayNoon = LocalDateTime.parse("2026-12-07T12:00").atZone(SHANGHAI).toInstant();
        advanceTo(mondayNoon.minusSeconds(2 * 3600 + 1)); // warning at 50 % = 2 h → Monday 10:00
        assertThat(drain()).isEmpty();
        advanceTo(mondayNoon.minusSeconds(2 * 3600 - 1));
        assertThat(drain()).extracting(SlaAlert::kind).containsExactly(AlertKind.WARNING);
        advanceTo(mondayNoon.minusSeconds(1));
        assertThat(drain()).isEmpty();
        advanceTo(mondayNoon.plusSeconds(1));
        List<SlaAlert> breach = drain();
        assertThat(breach).extracting(SlaAlert::kind).containsExactly(AlertKind.BREACHED);
        assertThat(breach.get(0).dueAt()).isEqualTo(mondayNoon);
    }

    @Test
    void unreadableInputGoesToTheDeadLetterTopicAndTheStreamGoesOn() {
        var headers = Events.headers(Events.assigned("bad", 1, "cm-zhang", ValueTier.KEY, ProductLine.CLOUD, T0));
        opps.pipeInput(new TestRecord<>("bad", "{not json".getBytes(StandardCharsets.UTF_8), headers, T0));
        opps.pipeInput(new TestRecord<>("bad2", "{}".getBytes(StandardCharsets.UTF_8), headers, T0));
        var letters = dlq.readRecordsToList();
        assertThat(letters).hasSize(2);
        assertThat(new String(letters.get(0).headers().lastHeader(DeadLetterHeaders.REASON).value(),
                StandardCharsets.UTF_8)).contains("unreadable esop.opportunity.assigned.v1");
        assertThat(new String(letters.get(1).headers().lastHeader(DeadLetterHeaders.TOPIC).value(),
                StandardCharsets.UTF_8)).isEqualTo("opps");
        send(Events.assigned("o8", 1, "cm-zhang", ValueTier.KEY, ProductLine.CLOUD, T0));
        send(Events.stage("o8", 2, OpportunityStage.ASSIGNED, OpportunityStage.CONTACTED, ValueTier.KEY,
                ProductLine.CLOUD, T0.plusSeconds(1)));
        assertThat(drain()).extracting(SlaAlert::kind).containsExactly(AlertKind.MET);
    }
}
