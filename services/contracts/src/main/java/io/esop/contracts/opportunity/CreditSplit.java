package io.esop.contracts.opportunity;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.esop.contracts.Optional;
import io.esop.contracts.Require;

/** Who gets credit for an opportunity, and in which ratio (商机协同). */
@JsonClassDescription("Who gets credit for an opportunity, and in which ratio (opportunity collaboration, 商机协同). "
        + "The two shares add up to 100; without a partner the owner has 100.")
public record CreditSplit(
        @JsonPropertyDescription("Staff id of the owning customer manager.")
        String ownerId,
        @JsonPropertyDescription("The owner's share in percent, 0 to 100.")
        int ownerSharePercent,
        @JsonPropertyDescription("Staff id of the collaborating customer manager, if any.")
        @Optional String partnerId,
        @JsonPropertyDescription("The partner's share in percent, 0 to 100; 0 without a partner.")
        int partnerSharePercent) {

    public CreditSplit {
        Require.nonNull(ownerId, "ownerId");
        Require.between(ownerSharePercent, 0, 100, "ownerSharePercent");
        Require.between(partnerSharePercent, 0, 100, "partnerSharePercent");
        Require.that(ownerSharePercent + partnerSharePercent == 100,
                "ownerSharePercent + partnerSharePercent must be 100, was "
                        + ownerSharePercent + " + " + partnerSharePercent);
        Require.that(partnerId != null || partnerSharePercent == 0, "partnerSharePercent without partnerId");
        Require.that(!ownerId.equals(partnerId), "partnerId must differ from ownerId");
    }

    /** The whole credit to one customer manager. */
    public static CreditSplit soleOwner(String ownerId) {
        return new CreditSplit(ownerId, 100, null, 0);
    }
}
