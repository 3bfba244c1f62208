package io.esop.customer.member;

/** What happened to one number of an add request. */
public enum MemberResult {
    ADDED,
    ALREADY_MEMBER,
    INVALID
}
