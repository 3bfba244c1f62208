package io.esop.devstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Redis from the redis-server binary that {@code com.github.codemonstur:embedded-redis} ships. */
final class Redis extends ServerComponent {

    static final int PORT = 6379;

    Redis(Layout layout) {
        super(layout, "redis");
    }

    @Override
    int port() {
        return PORT;
    }

    @Override
    String endpoint() {
        return "redis://localhost:" + PORT;
    }

    private static String binaryName() {
        String arch = System.getProperty("os.arch");
        return switch (arch) {
            case "amd64", "x86_64" -> "redis-server-6.2.6-v5-linux-amd64";
            case "aarch64", "arm64" -> "redis-server-6.2.7-linux-arm64";
            default -> throw new StackException("embedded-redis ships no redis-server for linux/" + arch);
        };
    }

    private Path binary() {
        return layout.bin().resolve(binaryName()).resolve("redis-server");
    }

    @Override
    protected void install(Console console) throws IOException {
        Unpack.once(binary().getParent(), target -> {
            console.step(name(), "unpacking " + binaryName());
            try (InputStream in = Redis.class.getClassLoader().getResourceAsStream(binaryName())) {
                if (in == null) {
                    throw new StackException(binaryName() + " is not on the classpath: rebuild the devstack");
                }
                Path out = target.resolve("redis-server");
                Files.copy(in, out);
                Unpack.makeExecutable(out);
            }
        });
    }

    @Override
    protected List<String> command() {
        // Append-only file: what services cache survives a restart, as in production.
        return List.of(binary().toString(),
                "--port", Integer.toString(PORT),
                "--bind", "127.0.0.1",
                "--dir", layout.data("redis").toString(),
                "--appendonly", "yes",
                "--save", "",
                "--maxmemory", "512mb",
                "--maxmemory-policy", "allkeys-lru",
                "--daemonize", "no");
    }

    @Override
    boolean healthy() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", PORT), 300);
            socket.setSoTimeout(1000);
            OutputStream out = socket.getOutputStream();
            out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            byte[] reply = new byte[7];
            int read = socket.getInputStream().read(reply);
            return read > 0 && new String(reply, 0, read, StandardCharsets.US_ASCII).startsWith("+PONG");
        } catch (IOException e) {
            return false;
        }
    }
}
