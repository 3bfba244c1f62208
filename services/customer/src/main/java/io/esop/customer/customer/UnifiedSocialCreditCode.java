package io.esop.customer.customer;

import java.util.Locale;

/**
 * Unified social credit code (统一社会信用代码), GB 32100-2015: 18 characters from a 31-character alphabet
 * (digits and capital letters without I, O, S, V, Z); the 18th is a check character computed from the
 * first 17 with weights 3^(i) mod 31.
 */
public record UnifiedSocialCreditCode(String value) {

    static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
    public static final int LENGTH = 18;

    public UnifiedSocialCreditCode {
        String problem = problem(value);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
    }

    /** Parses a code, ignoring surrounding blanks and letter case. */
    public static UnifiedSocialCreditCode parse(String text) {
        return new UnifiedSocialCreditCode(normalize(text));
    }

    public static boolean isValid(String text) {
        return problem(normalize(text)) == null;
    }

    /** Why {@code value} is not a valid code, or null when it is. */
    public static String problem(String value) {
        if (value == null) {
            return "is required";
        }
        if (value.length() != LENGTH) {
            return "must be 18 characters, was " + value.length();
        }
        for (int i = 0; i < LENGTH; i++) {
            if (ALPHABET.indexOf(value.charAt(i)) < 0) {
                return "character " + (i + 1) + " is not allowed";
            }
        }
        char expected = checkCharacter(value.substring(0, LENGTH - 1));
        if (value.charAt(LENGTH - 1) != expected) {
            return "check character does not match (GB 32100-2015)";
        }
        return null;
    }

    /** The check character for the first 17 characters of a code. */
    public static char checkCharacter(String first17) {
        if (first17 == null || first17.length() != LENGTH - 1) {
            throw new IllegalArgumentException("need the first 17 characters");
        }
        int sum = 0;
        for (int i = 0; i < LENGTH - 1; i++) {
            int code = ALPHABET.indexOf(first17.charAt(i));
            if (code < 0) {
                throw new IllegalArgumentException("character " + (i + 1) + " is not allowed");
            }
            sum += code * WEIGHTS[i];
        }
        int check = (31 - sum % 31) % 31;
        return ALPHABET.charAt(check);
    }

    /** A complete code: the 17 characters followed by their check character. */
    public static UnifiedSocialCreditCode complete(String first17) {
        return new UnifiedSocialCreditCode(first17 + checkCharacter(first17));
    }

    private static String normalize(String text) {
        return text == null ? null : text.trim().toUpperCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return value;
    }
}
