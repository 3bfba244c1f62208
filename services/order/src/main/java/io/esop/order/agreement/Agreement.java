package io.esop.order.agreement;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.esop.order.common.OwnedRecord;

/**
 * The electronic agreement (电子协议) of an approved application. Its content is the application, which is
 * frozen once approved; the agreement holds who signed and when.
 */
@Entity
@Table(name = "agreement")
public class Agreement extends OwnedRecord {

    @Id
    @Column(name = "agreement_no")
    public String agreementNo;

    @Column(name = "application_no")
    public String applicationNo;

    @Enumerated(EnumType.STRING)
    public AgreementStatus status;

    @Column(name = "issued_at")
    public Instant issuedAt;

    @Column(name = "signed_by")
    public String signedBy;

    @Column(name = "signed_at")
    public Instant signedAt;

    @Column(name = "order_id")
    public String orderId;

    @Version
    @Column(name = "lock_version")
    public long lockVersion;
}
