package io.esop.opportunity.opportunity.service;

import java.util.Optional;
import java.util.regex.Pattern;

import io.esop.contracts.signal.Signal;

/** Rules beyond what the contract record itself checks; each broken rule is a dead-letter reason. */
public final class SignalValidator {

    private static final Pattern REGION = Pattern.compile("\\d{6}");
    private static final Pattern CREDIT_CODE = Pattern.compile("[0-9A-HJ-NPQRTUWXY]{18}");

    private SignalValidator() {
    }

    public static Optional<String> problem(Signal s) {
        if (s.signalId().isBlank()) {
            return Optional.of("signalId: must not be blank");
        }
        if (s.estimatedMonthlyValue().signum() < 0) {
            return Optional.of("estimatedMonthlyValue: must not be negative");
        }
        if (s.prospect() != null) {
            if (!REGION.matcher(s.prospect().region()).matches()) {
                return Optional.of("prospect.region: must be a 6-digit division code");
            }
            if (s.prospect().creditCode() != null && !CREDIT_CODE.matcher(s.prospect().creditCode()).matches()) {
                return Optional.of("prospect.creditCode: must be 18 characters of the unified social credit code alphabet");
            }
            if (s.prospect().name().isBlank()) {
                return Optional.of("prospect.name: must not be blank");
            }
        }
        return Optional.empty();
    }
}
