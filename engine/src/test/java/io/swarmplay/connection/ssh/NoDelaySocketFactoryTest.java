package io.swarmplay.connection.ssh;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Without TCP_NODELAY every SSH command pays a ~40 ms Nagle stall; every socket path must set it. */
class NoDelaySocketFactoryTest {

    @Test
    void everySocketTheFactoryMakesHasNoDelay() throws Exception {
        NoDelaySocketFactory factory = new NoDelaySocketFactory();
        InetAddress loopback = InetAddress.getLoopbackAddress();
        try (ServerSocket server = new ServerSocket(0, 5, loopback);
             Socket unconnected = factory.createSocket();
             Socket byName = factory.createSocket(loopback.getHostAddress(), server.getLocalPort());
             Socket byAddress = factory.createSocket(loopback, server.getLocalPort());
             Socket bound = factory.createSocket(loopback, server.getLocalPort(), loopback, 0)) {
            for (Socket s : new Socket[] {unconnected, byName, byAddress, bound}) {
                assertTrue(s.getTcpNoDelay(), "TCP_NODELAY off on " + s);
            }
        }
    }
}
