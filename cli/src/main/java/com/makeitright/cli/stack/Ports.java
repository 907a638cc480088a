package com.makeitright.cli.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/** Whether a TCP port can be listened on, and free ports for tests. */
public final class Ports {

    private static final int FIRST_TEST_PORT = 10_000;
    private static final int LINUX_DEFAULT_EPHEMERAL_START = 32_768;
    private static final Random RANDOM = new SecureRandom();
    /**
     * The ports this JVM handed out lately: a port is free until its process binds it, so two calls in a row could
     * draw the same one (it happened: intake's and triage's port in one test). Bounded to the last 1,024.
     */
    private static final Set<Integer> HANDED_OUT = Collections.newSetFromMap(new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Integer, Boolean> eldest) {
            return size() > 1_024;
        }
    });

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

    /**
     * A port nothing listens on right now, below the operating system's ephemeral range: a port from that range
     * can be handed to some process's outgoing connection while its server is down, and a test that kills and
     * restarts the server would then find it taken. Never one this JVM handed out lately.
     */
    public static int freePort() {
        int below = ephemeralRangeStart();
        for (int attempt = 0; attempt < 200; attempt++) {
            int port = FIRST_TEST_PORT + RANDOM.nextInt(below - FIRST_TEST_PORT);
            if (isFree(port) && handOut(port)) {
                return port;
            }
        }
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free port", e);
        }
    }

    private static boolean handOut(int port) {
        synchronized (HANDED_OUT) {
            return HANDED_OUT.add(port);
        }
    }

    /** The first port the kernel hands out for outgoing connections (read on Linux, the usual default elsewhere). */
    static int ephemeralRangeStart() {
        try {
            String range = Files.readString(Path.of("/proc/sys/net/ipv4/ip_local_port_range"));
            int start = Integer.parseInt(range.trim().split("\\s+")[0]);
            return start > FIRST_TEST_PORT + 1_000 ? start : LINUX_DEFAULT_EPHEMERAL_START;
        } catch (IOException | RuntimeException e) {
            return LINUX_DEFAULT_EPHEMERAL_START;
        }
    }
}
