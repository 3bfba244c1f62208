package io.esop.opportunity.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Direct access to this service's test database, for fixtures the stack cannot give a test without
 * touching shared topics (staff rows for the real demo users) and for checks on the read models.
 */
public final class Db {

    private static final String URL = "jdbc:postgresql://localhost:5432/opportunity_test";

    private Db() {
    }

    public static Connection connect() throws SQLException {
        return DriverManager.getConnection(URL, "esop", "esop");
    }

    public static int update(String sql, Object... params) {
        try (Connection c = connect(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Object single(String sql, Object... params) {
        try (Connection c = connect(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (var rs = ps.executeQuery()) {
                return rs.next() ? rs.getObject(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A staff row as the read model would hold it. The version is huge so that a real snapshot replayed
     * from esop.staff.v1 does not replace the fixture during the test.
     */
    public static void staff(String id, String role, String region, String industries, String skills, String team,
            int capacity) {
        update("""
                insert into staff_view (staff_id, display_name, role, region, industries, skills, team_id, director_id,
                                        capacity, active, version, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, null, ?, true, 9000000000000000000, now())
                on conflict (staff_id) do update set role = excluded.role, region = excluded.region,
                    industries = excluded.industries, skills = excluded.skills, team_id = excluded.team_id,
                    capacity = excluded.capacity, active = true, version = excluded.version""",
                id, id, role, region, industries, skills, team, capacity);
    }
}
