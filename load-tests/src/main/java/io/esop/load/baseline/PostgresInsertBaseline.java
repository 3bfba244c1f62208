package io.esop.load.baseline;

import io.esop.load.BenchResults;
import io.esop.load.BenchRow;
import io.esop.load.Stack;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What the local PostgreSQL does by itself: rows shaped like an opportunity (ids, a few columns, a JSON score
 * breakdown) inserted by one connection in JDBC batches of {@code pg.batch} rows, one transaction per batch, into
 * a throw-away table of the {@code postgres} database ({@code pg.rows} rows, default 100,000).
 */
public final class PostgresInsertBaseline {

    public static final String NAME = "baseline-postgres";
    static final String TABLE = "esop_bench_insert";

    public static void main(String[] args) throws Exception {
        run(Stack.intProperty("pg.rows", 100_000), Stack.intProperty("pg.batch", 500));
    }

    public static List<BenchRow> run(int rows, int batch) throws Exception {
        String url = Stack.jdbc(System.getProperty("pg.database", "postgres")) + "?reWriteBatchedInserts=true";
        try (Connection db = DriverManager.getConnection(url, System.getProperty("esop.db.user", "esop"),
                System.getProperty("esop.db.password", "esop"))) {
            try (Statement ddl = db.createStatement()) {
                ddl.execute("drop table if exists " + TABLE);
                ddl.execute("create table " + TABLE + " (id text primary key, customer_id text not null, "
                        + "product_line text not null, intent text not null, score int not null, "
                        + "estimated_monthly_value numeric(14,2) not null, score_breakdown jsonb not null, "
                        + "created_at timestamptz not null)");
            }
            db.setAutoCommit(false);
            long start = System.nanoTime();
            try (PreparedStatement insert = db.prepareStatement("insert into " + TABLE
                    + " values (?, ?, ?, ?, ?, ?, cast(? as jsonb), ?)")) {
                for (int i = 0; i < rows; i++) {
                    insert.setString(1, "opp-" + UUID.randomUUID());
                    insert.setString(2, "cust-" + (i % 5000));
                    insert.setString(3, i % 2 == 0 ? "CLOUD" : "DEDICATED_LINE");
                    insert.setString(4, "NEW");
                    insert.setInt(5, i % 100);
                    insert.setBigDecimal(6, BigDecimal.valueOf(5000 + i % 1000));
                    insert.setString(7, "{\"tier\":20,\"source\":10,\"strength\":14,\"intent\":8,\"value\":12,\"recency\":9}");
                    insert.setTimestamp(8, Timestamp.from(Instant.now()));
                    insert.addBatch();
                    if ((i + 1) % batch == 0 || i == rows - 1) {
                        insert.executeBatch();
                        db.commit();
                    }
                }
            }
            double perSecond = rows / ((System.nanoTime() - start) / 1e9);
            db.setAutoCommit(true);
            try (Statement ddl = db.createStatement()) {
                ddl.execute("drop table " + TABLE);
            }
            List<BenchRow> result = List.of(BenchRow.info(NAME,
                    "raw PostgreSQL batched INSERT (" + batch + " rows per batch and transaction)", perSecond, "rows/s"));
            BenchResults.write(NAME, result);
            return result;
        }
    }
}
