package com.makeitright.cli.stack;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

import static org.assertj.core.api.Assertions.assertThat;

class PortsTest {

    @Test
    void aFreePortIsBelowTheEphemeralRangeAndReallyFree() {
        int port = Ports.freePort();

        assertThat(port).isBetween(10_000, Ports.ephemeralRangeStart() - 1);
        assertThat(Ports.isFree(port)).isTrue();
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
