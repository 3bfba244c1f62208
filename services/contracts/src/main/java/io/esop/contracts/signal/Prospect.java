package io.esop.contracts.signal;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.esop.contracts.Industry;
import io.esop.contracts.Optional;
import io.esop.contracts.Require;

/** A company that is not (yet) a known customer, as described by whoever raised the signal. */
@JsonClassDescription("A company that is not (yet) a known customer, as described by whoever raised the signal.")
public record Prospect(
        String name,
        @JsonPropertyDescription("Unified social credit code (统一社会信用代码), 18 characters, when known.")
        @Optional String creditCode,
        @JsonPropertyDescription("6-digit administrative division code (GB/T 2260), e.g. 310000.")
        String region,
        @Optional Industry industry,
        @Optional String contactName,
        String contactPhone) {

    public Prospect {
        Require.nonNull(name, "name");
        Require.nonNull(region, "region");
        Require.nonNull(contactPhone, "contactPhone");
    }
}
