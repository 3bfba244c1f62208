package io.esop.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

class PagingTest {

    @Test
    void aCursorReturnsTheKeyItWasMadeFrom() {
        String cursor = Cursor.encode("2026-12-04T10:00:00Z|cust-acme");

        assertThat(cursor).doesNotContain("|", "=", "/", "+");
        assertThat(Cursor.decode(cursor)).isEqualTo("2026-12-04T10:00:00Z|cust-acme");
        assertThat(Cursor.decode(null)).isNull();
        assertThat(Cursor.decode(" ")).isNull();
    }

    @Test
    void aForgedCursorIsRefusedNamingTheField() {
        assertThatThrownBy(() -> Cursor.decode("not a cursor!"))
                .isInstanceOfSatisfying(InvalidInput.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.field()).isEqualTo("cursor");
                });
    }

    @Test
    void aPageSizeOutsideTheRangeIsRefused() {
        assertThat(Cursor.limit(null)).isEqualTo(Cursor.DEFAULT_LIMIT);
        assertThat(Cursor.limit(Cursor.MAX_LIMIT)).isEqualTo(Cursor.MAX_LIMIT);
        assertThatThrownBy(() -> Cursor.limit(0)).isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> Cursor.limit(Cursor.MAX_LIMIT + 1)).hasMessageContaining("between 1 and 200");
    }

    @Test
    void theExtraRowOnlyTellsThatAnotherPageFollows() {
        Page<String> first = Page.of(List.of(1, 2, 3), 2, String::valueOf, n -> "item " + n);

        assertThat(first.items()).containsExactly("item 1", "item 2");
        assertThat(Cursor.decode(first.nextCursor())).isEqualTo("2");

        Page<String> last = Page.of(List.of(3), 2, String::valueOf, n -> "item " + n);
        assertThat(last.items()).containsExactly("item 3");
        assertThat(last.nextCursor()).isNull();
    }
}
