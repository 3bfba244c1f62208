package io.esop.sla.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.esop.contracts.sla.BusinessCalendar;
import io.esop.contracts.sla.CalendarKind;

class BusinessTimeTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final List<DayOfWeek> MON_FRI = List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY,
            DayOfWeek.THURSDAY, DayOfWeek.FRIDAY);

    static BusinessCalendar businessHours(List<LocalDate> holidays, List<LocalDate> extra) {
        return new BusinessCalendar(CalendarKind.BUSINESS_HOURS, null, MON_FRI, LocalTime.of(9, 0),
                LocalTime.of(18, 0), holidays, extra);
    }

    static Instant at(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(SHANGHAI).toInstant();
    }

    @Test
    void fridayFivePmPlusFourHoursIsMondayNoon() {
        // 2026-12-04 is a Friday
        BusinessTime time = BusinessTime.of(businessHours(List.of(), List.of()));
        assertThat(time.dueAt(at("2026-12-04T17:00"), Duration.ofHours(4))).isEqualTo(at("2026-12-07T12:00"));
    }

    @Test
    void aMondayHolidayPushesItToTuesdayNoon() {
        BusinessTime time = BusinessTime.of(businessHours(List.of(LocalDate.parse("2026-12-07")), List.of()));
        assertThat(time.dueAt(at("2026-12-04T17:00"), Duration.ofHours(4))).isEqualTo(at("2026-12-08T12:00"));
    }

    @Test
    void aMakeUpSaturdayCounts() {
        BusinessTime time = BusinessTime.of(businessHours(List.of(), List.of(LocalDate.parse("2026-12-05"))));
        assertThat(time.dueAt(at("2026-12-04T17:00"), Duration.ofHours(4))).isEqualTo(at("2026-12-05T12:00"));
    }

    @Test
    void startBeforeOpeningCountsFromOpening() {
        BusinessTime time = BusinessTime.of(businessHours(List.of(), List.of()));
        assertThat(time.dueAt(at("2026-12-01T06:30"), Duration.ofHours(2))).isEqualTo(at("2026-12-01T11:00"));
    }

    @Test
    void startAfterClosingCountsFromNextOpening() {
        BusinessTime time = BusinessTime.of(businessHours(List.of(), List.of()));
        assertThat(time.dueAt(at("2026-12-01T20:00"), Duration.ofMinutes(30))).isEqualTo(at("2026-12-02T09:30"));
    }

    @Test
    void aTargetEndingExactlyAtClosingIsDueAtClosing() {
        BusinessTime time = BusinessTime.of(businessHours(List.of(), List.of()));
        assertThat(time.dueAt(at("2026-12-01T09:00"), Duration.ofHours(9))).isEqualTo(at("2026-12-01T18:00"));
        assertThat(time.dueAt(at("2026-12-01T09:00"), Duration.ofHours(10))).isEqualTo(at("2026-12-02T10:00"));
    }

    @Test
    void multiDayTargetsSkipWeekends() {
        BusinessTime time = BusinessTime.of(businessHours(List.of(), List.of()));
        // 3 working days = 27 h from Wednesday 10:00 → Monday 10:00
        assertThat(time.dueAt(at("2026-12-02T10:00"), Duration.ofHours(27))).isEqualTo(at("2026-12-07T10:00"));
    }

    @Test
    void alwaysCountsRoundTheClock() {
        BusinessTime time = BusinessTime.of(BusinessCalendar.always());
        assertThat(time.dueAt(at("2026-12-04T17:00"), Duration.ofHours(4))).isEqualTo(at("2026-12-04T21:00"));
        assertThat(time.elapsed(at("2026-12-04T17:00"), at("2026-12-05T17:00"))).isEqualTo(Duration.ofHours(24));
    }

    @Test
    void elapsedCountsOnlyBusinessHours() {
        BusinessTime time = BusinessTime.of(businessHours(List.of(LocalDate.parse("2026-12-07")), List.of()));
        assertThat(time.elapsed(at("2026-12-04T17:00"), at("2026-12-08T12:00"))).isEqualTo(Duration.ofHours(4));
        assertThat(time.elapsed(at("2026-12-05T10:00"), at("2026-12-06T10:00"))).isZero();
        assertThat(time.elapsed(at("2026-12-08T12:00"), at("2026-12-04T17:00"))).isZero();
        assertThat(time.elapsed(at("2026-12-01T08:00"), at("2026-12-01T20:00"))).isEqualTo(Duration.ofHours(9));
    }

    @Test
    void elapsedIsTheInverseOfDueAt() {
        BusinessTime time = BusinessTime.of(businessHours(List.of(LocalDate.parse("2026-12-09")), List.of()));
        Instant start = at("2026-12-03T15:17");
        for (long minutes : new long[] { 1, 59, 160, 540, 541, 2000, 5000 }) {
            Duration target = Duration.ofMinutes(minutes);
            assertThat(time.elapsed(start, time.dueAt(start, target))).as("%s", target).isEqualTo(target);
        }
    }

    @Test
    void zoneIsHonoured() {
        BusinessCalendar utc = new BusinessCalendar(CalendarKind.BUSINESS_HOURS, "UTC", MON_FRI, LocalTime.of(9, 0),
                LocalTime.of(18, 0), List.of(), List.of());
        // Friday 17:00 UTC + 4 h → Monday 12:00 UTC
        assertThat(BusinessTime.of(utc).dueAt(Instant.parse("2026-12-04T17:00:00Z"), Duration.ofHours(4)))
                .isEqualTo(Instant.parse("2026-12-07T12:00:00Z"));
    }

    @Test
    void aCalendarWithoutWorkingTimeIsRejected() {
        BusinessCalendar allHolidays = businessHours(List.of(), List.of());
        BusinessTime time = BusinessTime.of(new BusinessCalendar(CalendarKind.BUSINESS_HOURS, null,
                List.of(DayOfWeek.MONDAY), LocalTime.of(9, 0), LocalTime.of(10, 0),
                java.util.stream.IntStream.range(0, 4000).mapToObj(i -> LocalDate.parse("2026-12-07").plusWeeks(i))
                        .toList(), List.of()));
        assertThat(allHolidays).isNotNull();
        assertThatThrownBy(() -> time.dueAt(at("2026-12-04T17:00"), Duration.ofHours(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
