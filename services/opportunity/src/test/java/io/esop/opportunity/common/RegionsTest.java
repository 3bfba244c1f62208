package io.esop.opportunity.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RegionsTest {

    @Test
    void aProvinceCoversItsCitiesAndDistrictsButNotOthers() {
        assertThat(Regions.covers("310000", "310000")).isTrue();
        assertThat(Regions.covers("310000", "310101")).isTrue();
        assertThat(Regions.covers("330100", "330106")).isTrue();
        assertThat(Regions.covers("330100", "330200")).isFalse();
        assertThat(Regions.covers("310000", "330100")).isFalse();
        assertThat(Regions.covers("310101", "310000")).isFalse();
        assertThat(Regions.covers("000000", "650100")).isTrue();
        assertThat(Regions.covers(null, "310000")).isFalse();
    }
}
