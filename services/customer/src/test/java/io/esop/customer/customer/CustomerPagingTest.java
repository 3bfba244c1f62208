package io.esop.customer.customer;

import static io.esop.customer.support.Api.as;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.esop.customer.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

/** Keyset paging walks every page without gaps or repeats. */
@QuarkusTest
class CustomerPagingTest {

    @Test
    void cursorPagingWalksAllPagesWithoutGapsOrRepeats() {
        String marker = Api.marker("paging");
        Set<String> created = new HashSet<>();
        for (int i = 0; i < 7; i++) {
            created.add(Api.create(Api.customer(marker + " #" + i, "310000", "sh-enterprise", "cm-zhang")));
        }

        List<String> seen = new ArrayList<>();
        List<Integer> pageSizes = new ArrayList<>();
        String cursor = null;
        do {
            RequestSpecification request = as("cm-zhang").queryParam("q", marker.toUpperCase()).queryParam("limit", 3);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page = request.get("/api/customers").then().statusCode(200).extract().jsonPath();
            List<String> ids = page.getList("items.id", String.class);
            pageSizes.add(ids.size());
            seen.addAll(ids);
            cursor = page.getString("nextCursor");
        } while (cursor != null && pageSizes.size() < 10);

        assertThat(pageSizes).containsExactly(3, 3, 1);
        assertThat(seen).doesNotHaveDuplicates().isSorted();
        assertThat(new HashSet<>(seen)).isEqualTo(created);
    }

    @Test
    void theWholeListPagesConsistently() {
        Api.ensureAcme();
        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            RequestSpecification request = as("admin").queryParam("limit", 200);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page = request.get("/api/customers").then().statusCode(200).extract().jsonPath();
            seen.addAll(page.getList("items.id", String.class));
            cursor = page.getString("nextCursor");
            pages++;
        } while (cursor != null && pages < 1000);
        assertThat(seen).doesNotHaveDuplicates().isSorted().contains("cust-acme");
    }
}
