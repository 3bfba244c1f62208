package io.esop.load.signals;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Removes what a benchmarked service left in Redis under its own prefix (its seen-signal ids: 400,000 keys a run),
 * so that runs do not pile up keys whose rewrites of the append-only file then take the machine's CPU in later
 * runs. Speaks the Redis protocol (RESP) itself: SCAN by pattern, UNLINK what it finds.
 */
final class RedisKeys {

    private RedisKeys() {
    }

    /** Deletes the keys starting with {@code prefix}; returns how many. */
    static long deleteByPrefix(String host, int port, String prefix) throws IOException {
        try (Socket socket = new Socket(host, port)) {
            OutputStream out = socket.getOutputStream();
            InputStream in = new BufferedInputStream(socket.getInputStream());
            String cursor = "0";
            long deleted = 0;
            do {
                send(out, List.of("SCAN", cursor, "MATCH", prefix + "*", "COUNT", "20000"));
                List<?> reply = (List<?>) read(in);
                cursor = (String) reply.get(0);
                List<?> keys = (List<?>) reply.get(1);
                if (!keys.isEmpty()) {
                    List<String> unlink = new ArrayList<>();
                    unlink.add("UNLINK");
                    keys.forEach(k -> unlink.add((String) k));
                    send(out, unlink);
                    deleted += (Long) read(in);
                }
            } while (!cursor.equals("0"));
            return deleted;
        }
    }

    private static void send(OutputStream out, List<String> command) throws IOException {
        StringBuilder b = new StringBuilder("*").append(command.size()).append("\r\n");
        for (String part : command) {
            b.append('$').append(part.getBytes(StandardCharsets.UTF_8).length).append("\r\n").append(part).append("\r\n");
        }
        out.write(b.toString().getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private static Object read(InputStream in) throws IOException {
        String line = line(in);
        return switch (line.charAt(0)) {
            case '*' -> {
                int n = Integer.parseInt(line.substring(1));
                List<Object> items = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    items.add(read(in));
                }
                yield items;
            }
            case '$' -> {
                int n = Integer.parseInt(line.substring(1));
                if (n < 0) {
                    yield null;
                }
                byte[] data = in.readNBytes(n + 2);
                yield new String(data, 0, n, StandardCharsets.UTF_8);
            }
            case ':' -> Long.parseLong(line.substring(1));
            case '-' -> throw new IOException("Redis: " + line.substring(1));
            default -> line.substring(1);
        };
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder b = new StringBuilder();
        int c;
        while ((c = in.read()) != '\r') {
            if (c < 0) {
                throw new IOException("Redis closed the connection");
            }
            b.append((char) c);
        }
        in.read(); // \n
        return b.toString();
    }
}
