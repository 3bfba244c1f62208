package io.esop.opportunity.common;


import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

import io.esop.web.InvalidInput;

/** Opaque keyset cursor over (createdAt desc, id desc): the sort key of the last item of a page. */
public record Cursor(Instant createdAt, String id) {

    public String encode() {
        String raw = createdAt.getEpochSecond() + ":" + createdAt.getNano() + ":" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    /** The position after which the next page starts, or null for the first page. */
    public static Cursor decode(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split(":", 3);
            return new Cursor(Instant.ofEpochSecond(Long.parseLong(parts[0]), Long.parseLong(parts[1])), parts[2]);
        } catch (RuntimeException e) {
            throw new InvalidInput("cursor", "not a cursor returned by this API");
        }
    }
}
