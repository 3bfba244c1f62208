package io.esop.web;

/** Reading the realm's user attributes (region, team, customer_id, …) out of a token's claims. */
public final class Claims {

    private Claims() {
    }

    /**
     * The claim's value as plain text, or {@code fallback} when the token lacks it. A multivalued attribute may
     * arrive as a JSON array of one element, a string claim as a quoted JSON string: both read as the bare text.
     */
    public static String text(Object claim, String fallback) {
        if (claim == null) {
            return fallback;
        }
        String text = claim.toString();
        if (text.startsWith("[\"") && text.endsWith("\"]")) {
            text = text.substring(2, text.length() - 2);
        }
        if (text.length() >= 2 && text.startsWith("\"") && text.endsWith("\"")) {
            text = text.substring(1, text.length() - 1);
        }
        return text;
    }
}
