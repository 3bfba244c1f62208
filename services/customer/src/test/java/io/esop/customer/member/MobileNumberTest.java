package io.esop.customer.member;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class MobileNumberTest {

    @ParameterizedTest
    @CsvSource({ "13800138000,13800138000", "+8613800138000,13800138000", "+86 19912345678,19912345678",
            "+86-15011112222,15011112222", " 17700001111 ,17700001111" })
    void acceptsMainlandMobileNumbers(String input, String normalized) {
        assertThat(MobileNumber.parseOrNull(input)).isEqualTo(new MobileNumber(normalized));
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "12345", "12800138000", "23800138000", "1380013800", "138001380000", "+8513800138000",
            "1380013800a", "+86", "010-12345678" })
    void refusesAnythingElse(String input) {
        assertThat(MobileNumber.parseOrNull(input)).isNull();
    }
}
