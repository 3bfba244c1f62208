package io.esop.customer.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UnifiedSocialCreditCodeTest {

    @Test
    void computesTheCheckCharacterByGb32100() {
        // 9 1 3 5 0 1 0 0 M 0 0 0 1 0 0 Y 4 with weights 1,3,9,…: sum = 1*9+3*1+9*3+27*5+19*0+26*1+16*0+17*0
        // + 20*21(M)+29*0+25*0+13*0+8*1+24*0+10*0+30*30(Y)+28*4 = 1640; 1640 mod 31 = 28; 31-28 = 3
        assertThat(UnifiedSocialCreditCode.checkCharacter("91350100M000100Y4")).isEqualTo('3');
        assertThat(UnifiedSocialCreditCode.isValid("91350100M000100Y43")).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = { "91350100M000100Y4", "91310000MA0000001", "12100000400000398", "91330100MA2B3C4D5",
            "52110000500000000", "Y1000000000000000" })
    void everyCompletedCodeIsValidAndEveryCorruptionIsCaught(String first17) {
        String code = UnifiedSocialCreditCode.complete(first17).value();
        assertThat(UnifiedSocialCreditCode.isValid(code)).isTrue();
        assertThat(UnifiedSocialCreditCode.parse(" " + code.toLowerCase() + " ").value()).isEqualTo(code);

        String alphabet = UnifiedSocialCreditCode.ALPHABET;
        for (int position = 0; position < 18; position++) {
            char original = code.charAt(position);
            char replacement = alphabet.charAt((alphabet.indexOf(original) + 1) % alphabet.length());
            String corrupted = code.substring(0, position) + replacement + code.substring(position + 1);
            assertThat(UnifiedSocialCreditCode.isValid(corrupted)).as("corrupted at %d: %s", position, corrupted)
                    .isFalse();
        }
        // two neighbouring characters swapped
        String swapped = code.charAt(1) + "" + code.charAt(0) + code.substring(2);
        if (code.charAt(0) != code.charAt(1)) {
            assertThat(UnifiedSocialCreditCode.isValid(swapped)).isFalse();
        }
    }

    @Test
    void refusesWrongLengthAndForbiddenCharacters() {
        assertThat(UnifiedSocialCreditCode.problem(null)).isEqualTo("is required");
        assertThat(UnifiedSocialCreditCode.problem("91350100M000100Y4")).contains("18 characters");
        assertThat(UnifiedSocialCreditCode.problem("91350100M000100Y433")).contains("18 characters");
        // I, O, S, V and Z are not in the alphabet
        assertThat(UnifiedSocialCreditCode.problem("91350100I000100Y43")).contains("character 9");
        assertThat(UnifiedSocialCreditCode.problem("91350100O000100Y43")).contains("character 9");
        assertThat(UnifiedSocialCreditCode.problem("91350100M000100Y44")).contains("check character");
        assertThatThrownBy(() -> UnifiedSocialCreditCode.parse("91350100M000100Y44"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
