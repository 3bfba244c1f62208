package io.esop.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ClaimsTest {

    @Test
    void anAttributeReadsAsItsBareTextHoweverTheTokenWrapsIt() {
        assertThat(Claims.text("310000", null)).isEqualTo("310000");
        assertThat(Claims.text("\"sh-enterprise\"", null)).isEqualTo("sh-enterprise");
        assertThat(Claims.text("[\"cust-acme\"]", null)).isEqualTo("cust-acme");
    }

    @Test
    void aMissingClaimReadsAsTheFallback() {
        assertThat(Claims.text(null, "cm-zhang")).isEqualTo("cm-zhang");
        assertThat(Claims.text(null, null)).isNull();
    }
}
