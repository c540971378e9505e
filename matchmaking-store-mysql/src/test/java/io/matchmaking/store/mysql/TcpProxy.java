package io.matchmaking.store.mysql;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A TCP proxy on 127.0.0.1 between a store and its database that a test can break as a network
 * would: {@link #cut()} (every connection closed, new ones refused: the database "went away") and
 * {@link #restore()}; {@link #loseTheReplyTo} (the statement reaches the database, which executes it
 * and answers, but the answer never comes back and the connection drops); {@link #freezeAfter}
 * (the statement reaches the database, then nothing passes either way, sockets left open).
 *
 * <p>Statements are recognised in the MySQL client protocol: a COM_QUERY packet (the driver sends
 * text queries, with server-side prepared statements off) whose SQL starts with the given words.
 */
public final class TcpProxy implements AutoCloseable {

    private static final int COM_QUERY = 0x03;

    private final String targetHost;
    private final int targetPort;
    private final int port;
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private final AtomicReference<Fault> armed = new AtomicReference<>();
    private final AtomicInteger faultsFired = new AtomicInteger();
    private final CountDownLatch thawed = new CountDownLatch(1);
    private volatile ServerSocket listener;

    /** What a fault does to the connection that sends its statement. */
    private enum Effect {
        /** The statement arrives and is answered; the answer is swallowed and the connection drops. */
        LOSE_REPLY,
        /** As LOSE_REPLY, and then the whole database goes away ({@link #cut()}). */
        LOSE_REPLY_THEN_CUT,
        /** The statement never arrives; the connection drops. */
        DROP,
        /** The statement arrives; then nothing passes either way. */
        FREEZE
    }

    /** What happens to the connection that sends the next statement starting with {@code prefix}. */
    private record Fault(String prefix, Effect effect) {
    }

    /** One proxied connection: what a fault decided for it. */
    private static final class Pair {
        volatile Effect effect;
    }

    private TcpProxy(String targetHost, int targetPort) throws IOException {
        this.targetHost = targetHost;
        this.targetPort = targetPort;
        this.listener = listen(0);
        this.port = listener.getLocalPort();
        acceptInBackground(listener);
    }

    /** A proxy to {@code host:port}, accepting on a free local port. */
    public static TcpProxy to(String hostAndPort) throws IOException {
        int colon = hostAndPort.lastIndexOf(':');
        return new TcpProxy(hostAndPort.substring(0, colon), Integer.parseInt(hostAndPort.substring(colon + 1)));
    }

    public String address() {
        return "127.0.0.1:" + port;
    }

    /** Closes every connection and refuses new ones until {@link #restore()}. */
    public synchronized void cut() throws IOException {
        listener.close();
        for (Socket socket : sockets) {
            closeQuietly(socket);
        }
        sockets.clear();
    }

    /** Accepts connections again, on the same port. */
    public synchronized void restore() throws IOException {
        if (listener.isClosed()) {
            listener = listen(port);
            acceptInBackground(listener);
        }
    }

    /**
     * The next statement starting with {@code prefix} (say {@code "COMMIT"}) reaches the database;
     * its answer is swallowed and that connection then drops, as when a reply is lost and the
     * client's socket gives up.
     */
    public void loseTheReplyTo(String prefix) {
        arm(prefix, Effect.LOSE_REPLY);
    }

    /**
     * As {@link #loseTheReplyTo}, and right after the lost answer the database goes away as in
     * {@link #cut()}: nobody can read back what became of the statement until {@link #restore()}.
     */
    public void loseTheReplyToThenCut(String prefix) {
        arm(prefix, Effect.LOSE_REPLY_THEN_CUT);
    }

    /** The next statement starting with {@code prefix} never reaches the database; its connection drops. */
    public void drop(String prefix) {
        arm(prefix, Effect.DROP);
    }

    private void arm(String prefix, Effect effect) {
        armed.set(new Fault(prefix.toUpperCase(Locale.ROOT), effect));
    }

    /**
     * The next statement starting with {@code prefix} (say {@code "SELECT q.queue AS locked_queue"})
     * reaches the database, then nothing more passes on that connection either way, its sockets
     * open, as when the instance froze or its network partitioned; until {@link #close()}.
     */
    public void freezeAfter(String prefix) {
        arm(prefix, Effect.FREEZE);
    }

    /** How many armed faults have fired. */
    public int faultsFired() {
        return faultsFired.get();
    }

    private static ServerSocket listen(int port) throws IOException {
        ServerSocket socket = new ServerSocket();
        socket.setReuseAddress(true);
        socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        return socket;
    }

    private void acceptInBackground(ServerSocket server) {
        Thread acceptor = new Thread(() -> {
            while (!server.isClosed()) {
                try {
                    Socket client = server.accept();
                    Socket upstream = new Socket(targetHost, targetPort);
                    // under cut()'s lock: a connection accepted while cut() ran would otherwise escape it
                    synchronized (this) {
                        if (server.isClosed()) {
                            closeQuietly(client);
                            closeQuietly(upstream);
                            return;
                        }
                        sockets.add(client);
                        sockets.add(upstream);
                        Pair pair = new Pair();
                        pump(client, upstream, pair, true);
                        pump(upstream, client, pair, false);
                    }
                } catch (IOException stopped) {
                    return;
                }
            }
        }, "tcp-proxy-accept-" + port);
        acceptor.setDaemon(true);
        acceptor.start();
    }

    private void pump(Socket from, Socket to, Pair pair, boolean fromClient) {
        Thread pump = new Thread(() -> {
            byte[] buffer = new byte[16 * 1024];
            Packets packets = new Packets();
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                    Effect effect = pair.effect;
                    if (effect == Effect.FREEZE) {
                        awaitThaw();
                        return;
                    }
                    if (!fromClient && effect != null) {
                        // the database has answered the statement: the answer is lost, the connection drops
                        if (effect == Effect.LOSE_REPLY_THEN_CUT) {
                            cut();
                        }
                        return;
                    }
                    Fault fired = fromClient ? packets.scan(buffer, read) : null;
                    if (fired != null) {
                        // decided before the statement leaves: its answer must find the connection broken
                        pair.effect = fired.effect();
                        faultsFired.incrementAndGet();
                        if (fired.effect() == Effect.DROP) {
                            return;
                        }
                    }
                    out.write(buffer, 0, read);
                    out.flush();
                    if (pair.effect == Effect.FREEZE) {
                        awaitThaw();
                        return;
                    }
                }
            } catch (IOException connectionGone) {
                // one side closed or was cut: close the other below
            } finally {
                if (pair.effect != Effect.FREEZE) {
                    closeQuietly(from);
                    closeQuietly(to);
                    sockets.remove(from);
                    sockets.remove(to);
                }
            }
        }, "tcp-proxy-pump");
        pump.setDaemon(true);
        pump.start();
    }

    private void awaitThaw() {
        try {
            thawed.await(10, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Splits the client's bytes into MySQL packets (3 bytes of length, 1 of sequence, the payload)
     * and fires the armed fault on the first COM_QUERY whose SQL starts with its prefix.
     */
    private final class Packets {

        private final byte[] header = new byte[4];
        private int headerRead;
        private int payloadLeft;
        private final StringBuilder sql = new StringBuilder();
        private boolean query;
        private boolean firstPayloadByte;

        Fault scan(byte[] bytes, int length) {
            Fault fired = null;
            for (int i = 0; i < length; i++) {
                int b = bytes[i] & 0xFF;
                if (payloadLeft == 0) {
                    header[headerRead++] = (byte) b;
                    if (headerRead == 4) {
                        headerRead = 0;
                        payloadLeft = (header[0] & 0xFF) | (header[1] & 0xFF) << 8 | (header[2] & 0xFF) << 16;
                        firstPayloadByte = true;
                        query = false;
                        sql.setLength(0);
                    }
                    continue;
                }
                payloadLeft--;
                if (firstPayloadByte) {
                    firstPayloadByte = false;
                    query = b == COM_QUERY;
                } else if (query && sql.length() < 64) {
                    sql.append((char) b);
                }
                if (payloadLeft == 0 || (query && sql.length() == 64)) {
                    Fault fault = armed.get();
                    String text = sql.toString().toUpperCase(Locale.ROOT).stripLeading();
                    if (query && fault != null && text.startsWith(fault.prefix()) && armed.compareAndSet(fault, null)) {
                        fired = fault;
                    }
                    query = false;
                }
            }
            return fired;
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // already closed
        }
    }

    @Override
    public void close() throws IOException {
        thawed.countDown();
        cut();
    }
}
