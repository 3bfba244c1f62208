package io.esop.workbench.order.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.esop.workbench.order.client.OrderModels.Attribute;
import io.esop.workbench.order.client.OrderModels.Item;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The application form sends values typed as the template says, and shows what the item holds or the default. */
class ApplicationFormTest {

    static Attribute attribute(String name, String type, Object defaultValue) {
        return new Attribute(name, name, type, true, null, null, null,
                "ENUM".equals(type) ? List.of("FIBER", "MICROWAVE") : null, defaultValue, "CUSTOMER_FACING");
    }

    @Test
    void valuesAreTypedAsTheTemplateSays() {
        assertThat(ApplicationPages.typed(attribute("bandwidthMbps", "INTEGER", null), "100")).isEqualTo(100L);
        assertThat(ApplicationPages.typed(attribute("powerKw", "DECIMAL", null), "4.4"))
                .isEqualTo(new BigDecimal("4.4"));
        assertThat(ApplicationPages.typed(attribute("backup", "BOOLEAN", null), "true")).isEqualTo(true);
        assertThat(ApplicationPages.typed(attribute("accessType", "ENUM", null), "FIBER")).isEqualTo("FIBER");
        // what does not parse goes as typed, so that the order service names the attribute in its answer
        assertThat(ApplicationPages.typed(attribute("bandwidthMbps", "INTEGER", null), "fast")).isEqualTo("fast");
    }

    @Test
    void theFormShowsTheItemsValueOrTheDefault() {
        Attribute access = attribute("accessType", "ENUM", "FIBER");
        Attribute bandwidth = attribute("bandwidthMbps", "INTEGER", 100);
        Item item = new Item("DEDICATED_INTERNET_LINE", 1, "Dedicated internet line", "DEDICATED_LINE", true, 1,
                Map.of("accessType", "MICROWAVE"), List.of(), BigDecimal.TEN, BigDecimal.ZERO, BigDecimal.TEN);
        ApplicationPages.ItemForm form = new ApplicationPages.ItemForm(0, item, null);
        assertThat(form.selected(access, "MICROWAVE")).isTrue();
        assertThat(form.selected(access, "FIBER")).isFalse();
        assertThat(form.value(bandwidth)).isEqualTo(100);
        assertThat(new ApplicationPages.ItemForm(0, null, null).value(access)).isEqualTo("FIBER");
    }

    @Test
    void onlyOurNumbersAreAccepted() {
        assertThat(ApplicationPages.NUMBER.matcher("APP-20261205-00000019").matches()).isTrue();
        assertThat(ApplicationPages.NUMBER.matcher("APP-1/../../x").matches()).isFalse();
        assertThat(ApplicationPages.integer(" 12 ")).isEqualTo(12);
        assertThat(ApplicationPages.decimal("12.5")).isEqualByComparingTo("12.5");
        assertThat(ApplicationPages.decimal("abc")).isNull();
    }
}
