package io.esop.contracts.sla;

/** How an SLA clock counts time. */
public enum CalendarKind {
    /** Round the clock, every day. */
    ALWAYS,
    /** Only on working days between opening and closing time, in the calendar's zone. */
    BUSINESS_HOURS
}
