package io.swarmplay.connection;

import org.junit.jupiter.api.Test;

import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.nio.file.NoSuchFileException;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CausesTest {

    @Test
    void wrappedClassNamesAreRemovedFromMessages() {
        IOException transport = new IOException(new IllegalStateException("Broken transport; encountered EOF"));
        assertEquals("Broken transport; encountered EOF", Causes.plain(new RuntimeException(transport)));
        assertEquals("cannot read /x: Broken pipe",
                Causes.clean("cannot read /x: net.schmizz.sshj.transport.TransportException: Broken pipe"));
        assertEquals("no such file: /y", Causes.clean(new UncheckedIOException(new IOException("no such file: /y")).getMessage()));
    }

    @Test
    void typesWithoutAMessageSayWhatHappened() {
        assertEquals("connection refused", Causes.plain(new RuntimeException(new ConnectException("Connection refused"))));
        assertEquals("no such file or directory: /etc/nope", Causes.plain(new NoSuchFileException("/etc/nope")));
        assertEquals("the connection closed unexpectedly", Causes.plain(new IOException(new EOFException())));
        assertEquals("an unexpected failure (run with -vvv for the details)", Causes.plain(new NullPointerException()));
    }
}
