package com.makeitright.platform;

import io.netty.channel.EventLoop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.resources.LoopResources;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The listen backlog is bounded for real: a Netty server whose only event loop is busy (as on a starved machine)
 * holds at most {@code accept-backlog} connections for it; the next client's connect times out having sent nothing,
 * instead of queueing behind connections whose clients gave up. The server's default holds them all.
 */
class BoundedAcceptBacklogTest {

    private static final int BACKLOG = 4;
    private static final int CLIENTS = 16;

    private final LoopResources loop = LoopResources.create("backlog-test", 1, true);
    private final CountDownLatch busy = new CountDownLatch(1);
    private final List<Socket> sockets = new ArrayList<>();
    private DisposableServer server;

    @AfterEach
    void stop() throws IOException {
        busy.countDown();
        for (Socket socket : sockets) {
            socket.close();
        }
        if (server != null) {
            server.disposeNow(Duration.ofSeconds(2));
        }
        loop.disposeLater(Duration.ZERO, Duration.ofSeconds(5)).block();
    }

    @Test
    void pastTheBacklogAConnectionIsNotTaken() throws Exception {
        new ReactiveWebApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class,
                        WebPlatformAutoConfiguration.class))
                .withPropertyValues("makeitright.http.accept-backlog=" + BACKLOG)
                .run(context -> {
                    assertThat(context.getBean(HttpServerProperties.class).acceptBacklog()).isEqualTo(BACKLOG);
                    NettyServerCustomizer customizer = context.getBean(NettyServerCustomizer.class);
                    int connected = connectWhileTheLoopIsBusy(customizer::apply);
                    // Linux holds backlog + 1 completed handshakes; the rest of the SYNs are dropped
                    assertThat(connected).isBetween(BACKLOG, BACKLOG + 2);
                });
    }

    @Test
    void netty_sDefaultHoldsEveryConnection() throws Exception {
        assertThat(connectWhileTheLoopIsBusy(UnaryOperator.identity())).isEqualTo(CLIENTS);
    }

    /** How many of {@link #CLIENTS} connects complete while the server's only event loop cannot accept. */
    private int connectWhileTheLoopIsBusy(UnaryOperator<HttpServer> customizer) throws Exception {
        server = customizer.apply(HttpServer.create().host("127.0.0.1").port(0).runOn(loop))
                .handle((request, response) -> response.sendString(Mono.just("ok")))
                .bindNow();
        EventLoop acceptor = server.channel().eventLoop();
        CountDownLatch blocking = new CountDownLatch(1);
        acceptor.execute(() -> {
            blocking.countDown();
            try {
                busy.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        assertThat(blocking.await(10, TimeUnit.SECONDS)).isTrue();
        int connected = 0;
        for (int i = 0; i < CLIENTS; i++) {
            Socket socket = new Socket();
            sockets.add(socket);
            try {
                socket.connect(new InetSocketAddress("127.0.0.1", server.port()), 300);
                connected++;
            } catch (SocketTimeoutException notTaken) {
                // the kernel dropped the SYN: the queue is full
            }
        }
        return connected;
    }
}
