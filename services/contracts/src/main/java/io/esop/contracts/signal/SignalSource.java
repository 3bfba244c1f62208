package io.esop.contracts.signal;

/** Where a signal (a hint of an opportunity) came from. */
public enum SignalSource {
    /** An inquiry on the enterprise portal (政企网厅). */
    PORTAL_INQUIRY,
    /** BASS analytics (经分): usage growing fast, e.g. bandwidth near its limit. */
    BASS_USAGE_SURGE,
    /** BASS analytics: churn warning (流失预警). */
    BASS_CHURN_RISK,
    /** A contract or agreement is about to expire. */
    CONTRACT_EXPIRY,
    /** A customer answered a marketing campaign (营销活动). */
    CAMPAIGN_RESPONSE,
    /** Captured by a customer manager during a visit. */
    FIELD_VISIT,
    /** Passed on by a channel partner. */
    PARTNER_REFERRAL
}
