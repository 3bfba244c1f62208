package io.esop.order.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.esop.web.Problem.FieldError;

class AttributeValidatorTest {

    static final List<AttributeDefinition> LINE = List.of(
            new AttributeDefinition("bandwidthMbps", "Bandwidth", AttributeType.INTEGER, true, new BigDecimal("2"),
                    new BigDecimal("10000"), null, null, 100, Visibility.CUSTOMER_FACING),
            new AttributeDefinition("siteAddress", "Address", AttributeType.STRING, true, null, null, "^.{6,200}$",
                    null, null, Visibility.CUSTOMER_FACING),
            new AttributeDefinition("accessType", "Access", AttributeType.ENUM, true, null, null, null,
                    List.of("FIBER", "MICROWAVE"), "FIBER", Visibility.CUSTOMER_FACING),
            new AttributeDefinition("powerKw", "Power", AttributeType.DECIMAL, false, new BigDecimal("2"),
                    new BigDecimal("20"), null, null, null, Visibility.CUSTOMER_FACING),
            new AttributeDefinition("accessNode", "Node", AttributeType.STRING, true, null, null,
                    "^[A-Z]{2}-[A-Z0-9]{2,12}$", null, null, Visibility.BACK_OFFICE));

    @Test
    void fillsDefaultsAndAcceptsValidValues() {
        List<FieldError> errors = new ArrayList<>();
        Map<String, Object> values = AttributeValidator.validate(LINE,
                Map.of("siteAddress", "No. 1 Century Avenue", "powerKw", new BigDecimal("4.5")), "items[0].attributes.",
                false, errors);
        assertThat(errors).isEmpty();
        assertThat(values).containsEntry("bandwidthMbps", BigInteger.valueOf(100)).containsEntry("accessType", "FIBER")
                .containsEntry("powerKw", new BigDecimal("4.5")).doesNotContainKey("accessNode");
    }

    @Test
    void namesEveryWrongAttribute() {
        List<FieldError> errors = new ArrayList<>();
        Map<String, Object> given = new HashMap<>();
        given.put("bandwidthMbps", 1);
        given.put("accessType", "COPPER");
        given.put("powerKw", "lots");
        given.put("colour", "red");
        AttributeValidator.validate(LINE, given, "items[2].attributes.", false, errors);
        assertThat(errors).extracting(FieldError::field).containsExactlyInAnyOrder(
                "items[2].attributes.bandwidthMbps", "items[2].attributes.siteAddress",
                "items[2].attributes.accessType", "items[2].attributes.powerKw", "items[2].attributes.colour");
        assertThat(errors).filteredOn(e -> e.field().endsWith("bandwidthMbps")).first()
                .extracting(FieldError::message).asString().contains("between 2 and 10000");
    }

    @Test
    void backOfficeAttributesAreRequiredOnlyAtSubmission() {
        Map<String, Object> given = Map.of("siteAddress", "No. 1 Century Avenue");
        List<FieldError> draft = new ArrayList<>();
        AttributeValidator.validate(LINE, given, "", false, draft);
        assertThat(draft).isEmpty();
        List<FieldError> submission = new ArrayList<>();
        AttributeValidator.validate(LINE, given, "", true, submission);
        assertThat(submission).extracting(FieldError::field).containsExactly("accessNode");
        List<FieldError> badPattern = new ArrayList<>();
        AttributeValidator.validate(LINE, Map.of("siteAddress", "No. 1 Century Avenue", "accessNode", "x"), "", true,
                badPattern);
        assertThat(badPattern).extracting(FieldError::field).containsExactly("accessNode");
    }

    @Test
    void wholeNumbersOnlyForIntegers() {
        List<FieldError> errors = new ArrayList<>();
        AttributeValidator.validate(LINE, Map.of("siteAddress", "No. 1 Century Avenue", "bandwidthMbps",
                new BigDecimal("10.5")), "", false, errors);
        assertThat(errors).extracting(FieldError::message).containsExactly("must be a whole number");
    }

    @Test
    void checksDefinitions() {
        List<FieldError> errors = new ArrayList<>();
        AttributeValidator.checkDefinition(new AttributeDefinition("x y", null, AttributeType.ENUM, true, null, null,
                "([", null, null, Visibility.CUSTOMER_FACING), "attributes[0].", errors);
        assertThat(errors).extracting(FieldError::field).containsExactlyInAnyOrder("attributes[0].name",
                "attributes[0].allowedValues", "attributes[0].pattern");
    }
}
