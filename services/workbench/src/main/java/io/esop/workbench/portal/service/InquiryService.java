package io.esop.workbench.portal.service;

import io.esop.contracts.EventTypes;
import io.esop.contracts.ProductLine;
import io.esop.contracts.signal.Intent;
import io.esop.contracts.signal.Signal;
import io.esop.contracts.signal.SignalSource;
import io.esop.eventing.outbox.Outbox;
import io.esop.workbench.portal.InquiryForm;
import io.esop.workbench.portal.PortalInquiry;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/** Turns a portal inquiry into a PORTAL_INQUIRY signal on esop.signals.v1, through the outbox. */
@ApplicationScoped
public class InquiryService {

    /** An explicit request from the customer is a strong hint, short of a signed order. */
    static final double INQUIRY_STRENGTH = 0.8;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd")
            .withZone(ZoneId.of("Asia/Shanghai"));

    private final Outbox outbox;

    public InquiryService(Outbox outbox) {
        this.outbox = outbox;
    }

    /**
     * @param customerId  from the token's customer_id claim, never from the form
     * @param submittedBy the portal user's username (not staff, so not the signal's capturedBy)
     */
    @WithTransaction
    public Uni<PortalInquiry> submit(String customerId, String submittedBy, InquiryForm form) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        UUID uuid = UUID.randomUUID();
        PortalInquiry inquiry = new PortalInquiry();
        inquiry.id = "INQ-" + DAY.format(now) + "-" + uuid.toString().substring(0, 8).toUpperCase();
        inquiry.signalId = "sig-portal-" + uuid;
        inquiry.customerId = customerId;
        inquiry.submittedBy = submittedBy;
        inquiry.productLine = form.productLine();
        inquiry.intent = form.intent();
        inquiry.detail = form.detail().strip();
        inquiry.estimatedMonthlyValue = form.value();
        inquiry.createdAt = now;
        Signal signal = new Signal(inquiry.signalId, SignalSource.PORTAL_INQUIRY, customerId, null,
                ProductLine.valueOf(form.productLine()), Intent.valueOf(form.intent()), INQUIRY_STRENGTH,
                inquiry.estimatedMonthlyValue, now, inquiry.detail, null, now);
        return inquiry.<PortalInquiry>persist()
                .call(() -> outbox.append(EventTypes.SIGNAL_RECEIVED, signal))
                .invoke(saved -> Log.infof("portal inquiry %s from %s for %s -> signal %s", saved.id, submittedBy,
                        customerId, saved.signalId));
    }
}
