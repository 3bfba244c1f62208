package io.esop.contracts;

/** Industry of an enterprise customer; customer managers specialise by industry. */
public enum Industry {
    FINANCE,
    MANUFACTURING,
    RETAIL,
    INTERNET,
    GOVERNMENT,
    EDUCATION,
    HEALTHCARE,
    TRANSPORT,
    ENERGY,
    LOGISTICS,
    MEDIA,
    REAL_ESTATE,
    /** Not classified yet, or none of the above. */
    OTHER
}
