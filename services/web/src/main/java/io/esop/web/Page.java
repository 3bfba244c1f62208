package io.esop.web;

import java.util.List;
import java.util.function.Function;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** One page of a keyset-paged list; {@code nextCursor} is null on the last page. */
@RegisterForReflection
public record Page<T>(List<T> items, String nextCursor) {

    /**
     * A page from {@code limit + 1} fetched rows: the extra row only tells that there is a next page,
     * whose cursor is the key of the last row shown.
     */
    public static <E, T> Page<T> of(List<E> rows, int limit, Function<E, String> key, Function<E, T> view) {
        boolean more = rows.size() > limit;
        List<E> shown = more ? rows.subList(0, limit) : rows;
        String next = more ? Cursor.encode(key.apply(shown.get(shown.size() - 1))) : null;
        return new Page<>(shown.stream().map(view).toList(), next);
    }
}
