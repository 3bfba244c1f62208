package io.esop.sla.calendar;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HashSet;
import java.util.Set;

import io.esop.contracts.sla.BusinessCalendar;
import io.esop.contracts.sla.CalendarKind;

/**
 * Counts SLA time in a {@link BusinessCalendar}: round the clock, or only inside business hours on working days
 * (holidays skipped, make-up working days counted). Pure and immutable, so the Streams punctuator can call it on
 * every firing without touching anything else.
 */
public final class BusinessTime {

    /** A target longer than this many calendar days is a configuration error, not a business rule. */
    private static final int MAX_DAYS = 3660;

    private final BusinessCalendar calendar;
    private final ZoneId zone;
    private final Set<LocalDate> holidays;
    private final Set<LocalDate> extraWorkingDays;

    private BusinessTime(BusinessCalendar calendar) {
        this.calendar = calendar;
        this.zone = calendar.zoneId();
        this.holidays = new HashSet<>(calendar.holidays());
        this.extraWorkingDays = new HashSet<>(calendar.extraWorkingDays());
    }

    public static BusinessTime of(BusinessCalendar calendar) {
        return new BusinessTime(calendar);
    }

    public BusinessCalendar calendar() {
        return calendar;
    }

    /** True when {@code date} has business hours: a regular working day that is no holiday, or a make-up day. */
    public boolean isWorkingDay(LocalDate date) {
        if (extraWorkingDays.contains(date)) {
            return true;
        }
        return calendar.workingDays().contains(date.getDayOfWeek()) && !holidays.contains(date);
    }

    /** The instant at which {@code target} of calendar time has elapsed after {@code start}. */
    public Instant dueAt(Instant start, Duration target) {
        if (target.isNegative() || target.isZero() || calendar.kind() == CalendarKind.ALWAYS) {
            return target.isNegative() ? start : start.plus(target);
        }
        Duration remaining = target;
        ZonedDateTime cursor = start.atZone(zone);
        LocalDate day = cursor.toLocalDate();
        for (int i = 0; i < MAX_DAYS; i++, day = day.plusDays(1)) {
            if (!isWorkingDay(day)) {
                continue;
            }
            ZonedDateTime opens = day.atTime(calendar.opensAt()).atZone(zone);
            ZonedDateTime closes = day.atTime(calendar.closesAt()).atZone(zone);
            ZonedDateTime from = cursor.isAfter(opens) ? cursor : opens;
            if (!from.isBefore(closes)) {
                continue;
            }
            Duration available = Duration.between(from, closes);
            if (remaining.compareTo(available) <= 0) {
                return from.plus(remaining).toInstant();
            }
            remaining = remaining.minus(available);
        }
        throw new IllegalArgumentException("target " + target + " does not fit in " + MAX_DAYS + " days of " + calendar);
    }

    /** The calendar time between {@code from} and {@code to} (zero when {@code to} is not after {@code from}). */
    public Duration elapsed(Instant from, Instant to) {
        if (!to.isAfter(from)) {
            return Duration.ZERO;
        }
        if (calendar.kind() == CalendarKind.ALWAYS) {
            return Duration.between(from, to);
        }
        ZonedDateTime start = from.atZone(zone);
        ZonedDateTime end = to.atZone(zone);
        Duration total = Duration.ZERO;
        LocalDate last = end.toLocalDate();
        for (LocalDate day = start.toLocalDate(); !day.isAfter(last); day = day.plusDays(1)) {
            if (!isWorkingDay(day)) {
                continue;
            }
            ZonedDateTime opens = day.atTime(calendar.opensAt()).atZone(zone);
            ZonedDateTime closes = day.atTime(calendar.closesAt()).atZone(zone);
            ZonedDateTime a = start.isAfter(opens) ? start : opens;
            ZonedDateTime b = end.isBefore(closes) ? end : closes;
            if (a.isBefore(b)) {
                total = total.plus(Duration.between(a, b));
            }
        }
        return total;
    }
}
