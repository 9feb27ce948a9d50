package io.trendline.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Loopback port checks shared by the local engines. */
public final class Ports {

    private Ports() {
    }

    /** A port that was free on 127.0.0.1 a moment ago. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free port on 127.0.0.1", e);
        }
    }

    /**
     * Returns {@code port}, or a free port when it is 0; fails with a message naming the engine, the port and the
     * setting that changes it when something already listens there.
     */
    public static int resolve(int port, String engine, String settingKey) {
        if (port == 0) {
            return freePort();
        }
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("Invalid port " + port + " for " + engine);
        }
        try (ServerSocket socket = new ServerSocket()) {
            // Without SO_REUSEADDR a socket in TIME_WAIT from our own previous run would look taken.
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return port;
        } catch (IOException e) {
            throw new PortInUseException(engine, port, settingKey, e);
        }
    }

    /** Thrown when a fixed port for a local engine is already taken. */
    public static final class PortInUseException extends IllegalStateException {

        private final int port;

        PortInUseException(String engine, int port, String settingKey, Throwable cause) {
            super("Port " + port + " for the local " + engine + " is already in use on 127.0.0.1. "
                    + "Stop whatever listens there, or choose another port with "
                    + LocalStackSettings.describeKey(settingKey) + " (0 picks any free port).", cause);
            this.port = port;
        }

        public int port() {
            return port;
        }
    }
}
