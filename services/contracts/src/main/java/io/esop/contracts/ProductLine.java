package io.esop.contracts;

/** The operator's enterprise product lines. */
public enum ProductLine {
    /** Dedicated internet / data line (专线). */
    DEDICATED_LINE,
    /** Internet data centre: racks, bandwidth, hosting. */
    IDC,
    CLOUD,
    IOT,
    VOICE,
    SMS,
    SDWAN
}
