package io.esop.load;

/**
 * Where the stack under load is. Defaults are the ports of {@code ./esop up}; each can be moved with a system
 * property, as the smoke test does when it starts its own services beside a running stack.
 */
public final class Stack {

    private Stack() {
    }

    public static String keycloak() {
        return System.getProperty("esop.keycloak.url", "http://localhost:8180");
    }

    public static String realm() {
        return keycloak() + "/realms/esop";
    }

    public static String customer() {
        return System.getProperty("esop.customer.url", "http://localhost:8081");
    }

    public static String opportunity() {
        return System.getProperty("esop.opportunity.url", "http://localhost:8082");
    }

    public static String order() {
        return System.getProperty("esop.order.url", "http://localhost:8083");
    }

    public static String workbench() {
        return System.getProperty("esop.workbench.url", "http://localhost:8080");
    }

    public static String kafka() {
        return System.getProperty("esop.kafka.bootstrap", "localhost:9092");
    }

    public static String jdbc(String database) {
        return "jdbc:postgresql://" + System.getProperty("esop.db.host", "localhost:5432") + "/" + database;
    }

    /** Password of every generated load user. */
    public static final String LOAD_PASSWORD = "esop-load";

    public static int intProperty(String name, int fallback) {
        return Integer.parseInt(System.getProperty(name, Integer.toString(fallback)));
    }
}
