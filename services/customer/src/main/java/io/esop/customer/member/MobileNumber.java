package io.esop.customer.member;

import java.util.regex.Pattern;

/** A mainland China mobile number: 11 digits starting 13–19; a +86 prefix is accepted and dropped. */
public record MobileNumber(String value) {

    private static final Pattern MOBILE = Pattern.compile("^1[3-9]\\d{9}$");
    public static final String RULE = "must be a mainland China mobile number: 11 digits starting with 13-19, "
            + "optionally prefixed +86";

    public MobileNumber {
        if (value == null || !MOBILE.matcher(value).matches()) {
            throw new IllegalArgumentException(RULE);
        }
    }

    /** The number in its 11-digit form, or null when {@code text} is not a mainland mobile number. */
    public static MobileNumber parseOrNull(String text) {
        if (text == null) {
            return null;
        }
        String digits = text.trim();
        if (digits.startsWith("+86")) {
            digits = digits.substring(3).trim();
            if (digits.startsWith("-")) {
                digits = digits.substring(1);
            }
        }
        return MOBILE.matcher(digits).matches() ? new MobileNumber(digits) : null;
    }

    @Override
    public String toString() {
        return value;
    }
}
