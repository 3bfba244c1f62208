package io.esop.workbench.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class InquiryFormTest {

    @Test
    void aCompleteFormIsValid() {
        InquiryForm form = new InquiryForm("CLOUD", "EXPAND", "需要 200 核云主机", "3000.50");
        assertThat(form.errors()).isEmpty();
        assertThat(form.value()).isEqualByComparingTo(new BigDecimal("3000.50"));
        assertThat(new InquiryForm("CLOUD", "NEW", "x", "").value()).isEqualByComparingTo(BigDecimal.ZERO);
    }

    @Test
    void eachWrongFieldIsNamed() {
        InquiryForm form = new InquiryForm("TELEPORT", "MAYBE", " ", "-1");
        assertThat(form.errors()).extracting(InquiryForm.FieldError::field)
                .containsExactly("productLine", "intent", "detail", "estimatedMonthlyValue");
        assertThat(new InquiryForm("CLOUD", "NEW", "x".repeat(2001), "1").hasError("detail")).isTrue();
        assertThat(new InquiryForm("CLOUD", "NEW", "x", "1.234").hasError("estimatedMonthlyValue")).isTrue();
        assertThat(new InquiryForm("CLOUD", "NEW", "x", "abc").hasError("estimatedMonthlyValue")).isTrue();
    }
}
