package io.esop.contracts.sla;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.esop.contracts.Optional;
import io.esop.contracts.Require;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

/** How an SLA clock counts time: round the clock, or business hours in a zone with holidays. */
@JsonClassDescription("How an SLA clock counts time: ALWAYS (round the clock), or BUSINESS_HOURS on working days "
        + "between opensAt and closesAt in the zone, skipping holidays and counting extra working days "
        + "(调休 make-up days).")
public record BusinessCalendar(
        CalendarKind kind,
        @JsonPropertyDescription("IANA time zone of the calendar.")
        @Optional(defaultValue = BusinessCalendar.DEFAULT_ZONE) String zone,
        @JsonPropertyDescription("Regular working days; empty for ALWAYS.")
        List<DayOfWeek> workingDays,
        @JsonPropertyDescription("Start of business hours, local time (HH:mm or HH:mm:ss); required for "
                + "BUSINESS_HOURS.")
        @Optional LocalTime opensAt,
        @JsonPropertyDescription("End of business hours, local time (HH:mm or HH:mm:ss); required for "
                + "BUSINESS_HOURS.")
        @Optional LocalTime closesAt,
        @JsonPropertyDescription("Public holidays: no business hours even on a working day.")
        List<LocalDate> holidays,
        @JsonPropertyDescription("Make-up working days (调休) that fall on a day that is not a regular working day.")
        @Optional List<LocalDate> extraWorkingDays) {

    public static final String DEFAULT_ZONE = "Asia/Shanghai";

    public BusinessCalendar {
        Require.nonNull(kind, "kind");
        zone = zone == null ? DEFAULT_ZONE : zone;
        try {
            ZoneId.of(zone);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("zone is not a time zone: " + zone, e);
        }
        workingDays = Require.list(workingDays, "workingDays");
        holidays = Require.list(holidays, "holidays");
        extraWorkingDays = Require.listOrEmpty(extraWorkingDays, "extraWorkingDays");
        if (kind == CalendarKind.BUSINESS_HOURS) {
            Require.that(opensAt != null && closesAt != null, "BUSINESS_HOURS needs opensAt and closesAt");
            Require.that(opensAt.isBefore(closesAt), "opensAt must be before closesAt");
            Require.that(!workingDays.isEmpty(), "BUSINESS_HOURS needs working days");
        }
    }

    /** Round the clock. */
    public static BusinessCalendar always() {
        return new BusinessCalendar(CalendarKind.ALWAYS, DEFAULT_ZONE, List.of(), null, null, List.of(), List.of());
    }

    /** The zone as a {@link ZoneId}. */
    public ZoneId zoneId() {
        return ZoneId.of(zone);
    }
}
