package io.esop.workbench.common.web;

import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.UriInfo;
import java.util.Locale;

/**
 * Simplified Chinese unless the user chose English: {@code ?lang=en} (or {@code ?lang=zh}) chooses and is
 * remembered in the {@code lang} cookie.
 */
public final class Lang {

    public static final String COOKIE = "lang";
    public static final Locale ZH = Locale.forLanguageTag("zh-CN");
    public static final Locale EN = Locale.ENGLISH;

    private Lang() {
    }

    public static Locale of(UriInfo uri, HttpHeaders headers) {
        String chosen = uri.getQueryParameters().getFirst("lang");
        if (chosen == null) {
            Cookie cookie = headers.getCookies().get(COOKIE);
            chosen = cookie == null ? null : cookie.getValue();
        }
        return parse(chosen);
    }

    public static Locale parse(String tag) {
        return tag != null && tag.toLowerCase(Locale.ROOT).startsWith("en") ? EN : ZH;
    }

    /** The cookie to set when the request chose a language explicitly; null otherwise. */
    public static NewCookie remember(UriInfo uri) {
        String chosen = uri.getQueryParameters().getFirst("lang");
        if (chosen == null) {
            return null;
        }
        return new NewCookie.Builder(COOKIE).value(parse(chosen) == EN ? "en" : "zh-CN").path("/")
                .maxAge(365 * 24 * 3600).sameSite(NewCookie.SameSite.LAX).build();
    }

    public static String tag(Locale locale) {
        return locale == EN ? "en" : "zh-CN";
    }
}
