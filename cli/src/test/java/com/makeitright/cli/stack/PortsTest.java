package com.makeitright.cli.stack;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class PortsTest {

    @Test
    void aFreePortIsBelowTheEphemeralRangeAndReallyFree() {
        int port = Ports.freePort();

        assertThat(port).isBetween(10_000, Ports.ephemeralRangeStart() - 1);
        assertThat(Ports.isFree(port)).isTrue();
    }

    @Test
    void portsHandedOutOneAfterAnotherAreAllDifferent() {
        // 300 random draws below the ephemeral range would repeat a port with a probability of about 86%
        Set<Integer> ports = new HashSet<>();
        for (int i = 0; i < 300; i++) {
            ports.add(Ports.freePort());
        }

        assertThat(ports).hasSize(300);
    }

    @Test
    void aListenedPortIsNotFreeAndIsFreeAgainOnceClosed() throws IOException {
        int port = Ports.freePort();
        try (ServerSocket server = new ServerSocket()) {
            server.bind(new InetSocketAddress(port));
            assertThat(Ports.isFree(port)).isFalse();
        }
        assertThat(Ports.isFree(port)).isTrue();
    }
}
