package io.esop.workbench.common.web;

import io.quarkus.qute.TemplateExtension;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * Instants as people read them: local time in Asia/Shanghai (the business's time zone), to the minute. In
 * templates: {e.at.local}.
 */
@TemplateExtension
public final class Times {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZONE);

    private Times() {
    }

    static String local(Instant instant) {
        return instant == null ? "" : FORMAT.format(instant);
    }
}
