package io.esop.devstack;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;

final class Ports {

    private Ports() {
    }

    /** True when something accepts connections on localhost:port. */
    static boolean inUse(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 300);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
