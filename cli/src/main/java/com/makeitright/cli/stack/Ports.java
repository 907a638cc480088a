package com.makeitright.cli.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

/** Whether a TCP port can be listened on, and free ports for tests. */
public final class Ports {

    private Ports() {
    }

    /**
     * True when nothing listens on {@code port}: it can be bound on every interface and nothing answers on
     * localhost. Connections of a process that just stopped (TIME_WAIT) do not count, as a server may bind over
     * them.
     */
    public static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(port));
        } catch (IOException inUse) {
            return false;
        }
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 300);
            return false; // something bound to the loopback address only, which the wildcard bind may not see
        } catch (IOException nothingListens) {
            return true;
        }
    }

    /** A port nothing listens on right now (the operating system's choice). */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free port", e);
        }
    }
}
