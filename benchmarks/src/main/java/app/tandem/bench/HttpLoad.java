package app.tandem.bench;

import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A closed-loop HTTP/1.1 load generator on raw sockets: a fixed number of keep-alive connections, each on its own
 * thread, sending one {@code GET} after another for as long as a round lasts, or sending a given list of requests
 * (such as signed {@code POST}s) once each. Raw sockets rather than an HTTP client
 * library keep the client's own cost small and predictable on a machine it shares with the server, and let the
 * {@code Host} header name a tenant while the socket goes to {@code 127.0.0.1} (Java does not resolve
 * {@code *.localhost}). Only {@code 200} responses are counted; any other status stops the round and fails the run.
 */
final class HttpLoad {

    /** A server that does not answer within this time is broken for the purpose of a benchmark. */
    private static final int TIMEOUT_MS = 30_000;

    private static final String LOOPBACK = "127.0.0.1";

    private final int port;
    private final String path;
    private final int connections;

    HttpLoad(int port, String path, int connections) {
        this.port = port;
        this.path = path;
        this.connections = connections;
    }

    /** How many requests a round completed, and in how long. */
    record Round(long responses, double seconds) {

        double rps() {
            return responses / seconds;
        }
    }

    /**
     * Fetches the path once for each host, one after another on one connection, and returns the bodies in the same
     * order; fails on anything but {@code 200}.
     */
    List<String> fetchEach(List<String> hosts) {
        var bodies = new ArrayList<String>(hosts.size());
        try (var connection = new Connection()) {
            for (var host : hosts) {
                var response = connection.exchange(request(host), true);
                requireOk(host, response);
                bodies.add(response.body());
                if (response.closing()) {
                    connection.reconnect();
                }
            }
        } catch (IOException e) {
            throw new BenchmarkFailure("HTTP request to " + LOOPBACK + ":" + port + " failed: " + e, e);
        }
        return bodies;
    }

    /**
     * Sends requests on every connection for {@code duration}. Request {@code i} of connection {@code c} goes to host
     * {@code (c * hosts / connections + i) mod hosts}: with one host all go to it; with many, the connections start
     * spread over the hosts and each walks through all of them in turn.
     */
    Round run(List<String> hosts, Duration duration) {
        var requests = hosts.stream().map(this::request).toList();
        var ready = new CountDownLatch(connections);
        var go = new CountDownLatch(1);
        var responses = new AtomicLong();
        var failure = new AtomicReference<BenchmarkFailure>();
        var deadline = new AtomicLong(Long.MAX_VALUE);
        var threads = new ArrayList<Thread>(connections);
        for (int c = 0; c < connections; c++) {
            int offset = (int) ((long) c * hosts.size() / connections);
            var worker = new Worker(hosts, requests, offset, ready, go, deadline, responses, failure);
            var thread = new Thread(worker, "bench-load-" + c);
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
        try {
            // The clock starts once every connection is open, so connecting is not part of the round.
            ready.await();
            long started = System.nanoTime();
            deadline.set(started + duration.toNanos());
            go.countDown();
            for (var thread : threads) {
                thread.join();
            }
            if (failure.get() != null) {
                throw failure.get();
            }
            return new Round(responses.get(), Samples.secondsSince(started));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            threads.forEach(Thread::interrupt);
            throw new BenchmarkFailure("Interrupted while generating load", e);
        }
    }

    /** What {@link #sendEach} got: how long sending every request took, and each response's body in request order. */
    record Sent(Round round, List<String> bodies) {}

    /**
     * Sends each request exactly once, spread over the connections (each takes the next request not yet sent as soon
     * as its previous response is in), and returns when every response is in; fails on anything but {@code 200}. The
     * clock starts once every connection is open.
     */
    Sent sendEach(List<byte[]> requests) {
        var bodies = new String[requests.size()];
        var next = new AtomicInteger();
        var ready = new CountDownLatch(connections);
        var go = new CountDownLatch(1);
        var failure = new AtomicReference<BenchmarkFailure>();
        var threads = new ArrayList<Thread>(connections);
        for (int c = 0; c < connections; c++) {
            var thread = new Thread(
                    () -> {
                        try (var connection = new Connection()) {
                            ready.countDown();
                            go.await();
                            for (int i = next.getAndIncrement();
                                    i < bodies.length && failure.get() == null;
                                    i = next.getAndIncrement()) {
                                var response = connection.exchange(requests.get(i), true);
                                if (response.status() != 200) {
                                    throw new BenchmarkFailure(String.format(
                                            Locale.ROOT,
                                            "Request %d of %d answered %d instead of 200: %s",
                                            i + 1,
                                            bodies.length,
                                            response.status(),
                                            response.body()));
                                }
                                bodies[i] = response.body();
                                if (response.closing()) {
                                    connection.reconnect();
                                }
                            }
                        } catch (BenchmarkFailure e) {
                            failure.compareAndSet(null, e);
                        } catch (IOException e) {
                            failure.compareAndSet(
                                    null,
                                    new BenchmarkFailure(
                                            "HTTP request to " + LOOPBACK + ":" + port + " failed: " + e, e));
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        } finally {
                            ready.countDown();
                        }
                    },
                    "bench-send-" + c);
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
        try {
            ready.await();
            long started = System.nanoTime();
            go.countDown();
            for (var thread : threads) {
                thread.join();
            }
            if (failure.get() != null) {
                throw failure.get();
            }
            return new Sent(new Round(bodies.length, Samples.secondsSince(started)), List.of(bodies));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            threads.forEach(Thread::interrupt);
            throw new BenchmarkFailure("Interrupted while sending requests", e);
        }
    }

    /**
     * A {@code POST} of {@code body} to the path on {@code host}, with the given headers besides {@code Host} and
     * {@code Content-Length}, encoded for {@link #sendEach}.
     */
    byte[] post(String host, Map<String, String> headers, String body) {
        var bytes = body.getBytes(StandardCharsets.UTF_8);
        var head = new StringBuilder()
                .append("POST ")
                .append(path)
                .append(" HTTP/1.1\r\n")
                .append("Host: ")
                .append(host)
                .append(':')
                .append(port)
                .append("\r\n");
        headers.forEach(
                (name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        head.append("Content-Length: ").append(bytes.length).append("\r\n\r\n");
        var headBytes = head.toString().getBytes(StandardCharsets.US_ASCII);
        var request = new byte[headBytes.length + bytes.length];
        System.arraycopy(headBytes, 0, request, 0, headBytes.length);
        System.arraycopy(bytes, 0, request, headBytes.length, bytes.length);
        return request;
    }

    /** Encoded once per host, so that the load threads spend their time on the wire rather than on formatting. */
    private byte[] request(String host) {
        return ("GET " + path + " HTTP/1.1\r\n"
                        + "Host: " + host + ":" + port + "\r\n"
                        + "Accept: application/json\r\n"
                        + "\r\n")
                .getBytes(StandardCharsets.US_ASCII);
    }

    private void requireOk(String host, Response response) {
        if (response.status() != 200) {
            throw new BenchmarkFailure(String.format(
                    Locale.ROOT,
                    "GET %s for host %s answered %d instead of 200: %s",
                    path,
                    host,
                    response.status(),
                    response.body()));
        }
    }

    /** One load connection: sends until the deadline or until another connection has failed. */
    private final class Worker implements Runnable {

        private final List<String> hosts;
        private final List<byte[]> requests;
        private final int offset;
        private final CountDownLatch ready;
        private final CountDownLatch go;
        private final AtomicLong deadline;
        private final AtomicLong responses;
        private final AtomicReference<BenchmarkFailure> failure;

        Worker(
                List<String> hosts,
                List<byte[]> requests,
                int offset,
                CountDownLatch ready,
                CountDownLatch go,
                AtomicLong deadline,
                AtomicLong responses,
                AtomicReference<BenchmarkFailure> failure) {
            this.hosts = hosts;
            this.requests = requests;
            this.offset = offset;
            this.ready = ready;
            this.go = go;
            this.deadline = deadline;
            this.responses = responses;
            this.failure = failure;
        }

        @Override
        public void run() {
            Connection connection = null;
            int next = offset;
            try {
                connection = new Connection();
                ready.countDown();
                go.await();
                long completed = 0;
                long end = deadline.get();
                while (System.nanoTime() < end && failure.get() == null) {
                    var host = hosts.get(next);
                    var response = connection.exchange(requests.get(next), false);
                    requireOk(host, response);
                    completed++;
                    next = next + 1 == hosts.size() ? 0 : next + 1;
                    // Tomcat closes a keep-alive connection after 100 requests by default and says so.
                    if (response.closing()) {
                        connection.reconnect();
                    }
                }
                responses.addAndGet(completed);
            } catch (BenchmarkFailure e) {
                failure.compareAndSet(null, e);
            } catch (IOException e) {
                failure.compareAndSet(
                        null,
                        new BenchmarkFailure(
                                "HTTP request for host " + hosts.get(next) + " to " + LOOPBACK + ":" + port
                                        + " failed: " + e,
                                e));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                // A worker that failed to connect must not leave the coordinator waiting forever.
                ready.countDown();
                if (connection != null) {
                    connection.close();
                }
            }
        }
    }

    /** What the load generator needs from a response: the status, the body when asked for, and whether it closes. */
    record Response(int status, String body, boolean closing) {}

    /**
     * One keep-alive connection to the server. It parses just enough HTTP/1.1 to find where each response ends:
     * the status line, the headers, and a body framed by {@code Content-Length} or chunked transfer coding.
     */
    private final class Connection implements Closeable {

        /** Error bodies are quoted in failure messages up to this length. */
        private static final int MAX_QUOTED_BODY = 500;

        private final byte[] buffer = new byte[16 * 1024];
        private Socket socket;
        private InputStream in;
        private OutputStream out;
        private int position;
        private int limit;
        private boolean used;

        Connection() throws IOException {
            open();
        }

        private void open() throws IOException {
            socket = new Socket();
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(TIMEOUT_MS);
            socket.connect(new InetSocketAddress(LOOPBACK, port), TIMEOUT_MS);
            in = socket.getInputStream();
            out = socket.getOutputStream();
            position = 0;
            limit = 0;
            used = false;
        }

        void reconnect() throws IOException {
            close();
            open();
        }

        Response exchange(byte[] request, boolean keepBody) throws IOException {
            out.write(request);
            out.flush();
            String statusLine;
            try {
                statusLine = readLine();
            } catch (EOFException e) {
                if (!used) {
                    throw e;
                }
                // The server may drop a kept-alive connection it considers idle; that is not a failed request.
                reconnect();
                return exchange(request, keepBody);
            }
            used = true;
            int status = parseStatus(statusLine);
            long contentLength = -1;
            boolean chunked = false;
            boolean closing = false;
            for (var header = readLine(); !header.isEmpty(); header = readLine()) {
                int colon = header.indexOf(':');
                if (colon < 0) {
                    continue;
                }
                var name = header.substring(0, colon).trim();
                var value = header.substring(colon + 1).trim();
                if (name.equalsIgnoreCase("Content-Length")) {
                    contentLength = Long.parseLong(value);
                } else if (name.equalsIgnoreCase("Transfer-Encoding")) {
                    chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
                } else if (name.equalsIgnoreCase("Connection")) {
                    closing = value.equalsIgnoreCase("close");
                }
            }
            var body = keepBody || status != 200 ? new StringBuilder() : null;
            if (chunked) {
                readChunkedBody(body);
            } else if (contentLength >= 0) {
                readBody(contentLength, body);
            } else {
                // Neither length nor chunks: the body runs until the server closes the connection.
                readBodyToEnd(body);
                closing = true;
            }
            return new Response(status, body == null ? null : quoted(body, keepBody), closing);
        }

        private static String quoted(StringBuilder body, boolean whole) {
            return whole || body.length() <= MAX_QUOTED_BODY
                    ? body.toString()
                    : body.substring(0, MAX_QUOTED_BODY) + "...";
        }

        private int parseStatus(String statusLine) throws IOException {
            if (!statusLine.startsWith("HTTP/1.") || statusLine.length() < 12) {
                throw new IOException("Not an HTTP/1.x status line: " + statusLine);
            }
            try {
                return Integer.parseInt(statusLine.substring(9, 12));
            } catch (NumberFormatException e) {
                throw new IOException("Not an HTTP/1.x status line: " + statusLine, e);
            }
        }

        private void readChunkedBody(StringBuilder body) throws IOException {
            while (true) {
                var sizeLine = readLine();
                int extension = sizeLine.indexOf(';');
                var size = Long.parseLong((extension < 0 ? sizeLine : sizeLine.substring(0, extension)).trim(), 16);
                if (size == 0) {
                    // Trailers, if any, end with an empty line.
                    while (!readLine().isEmpty()) {
                        // skip the trailer
                    }
                    return;
                }
                readBody(size, body);
                readLine();
            }
        }

        private void readBody(long length, StringBuilder body) throws IOException {
            long remaining = length;
            while (remaining > 0) {
                if (position == limit) {
                    fill();
                }
                int take = (int) Math.min(remaining, limit - position);
                if (body != null) {
                    body.append(new String(buffer, position, take, StandardCharsets.UTF_8));
                }
                position += take;
                remaining -= take;
            }
        }

        private void readBodyToEnd(StringBuilder body) throws IOException {
            try {
                readBody(Long.MAX_VALUE, body);
            } catch (EOFException e) {
                // the end of the body
            }
        }

        /** One line without its CRLF; header lines are ASCII. */
        private String readLine() throws IOException {
            var line = new StringBuilder(64);
            while (true) {
                if (position == limit) {
                    fill();
                }
                byte b = buffer[position++];
                if (b == '\n') {
                    int length = line.length();
                    if (length > 0 && line.charAt(length - 1) == '\r') {
                        line.setLength(length - 1);
                    }
                    return line.toString();
                }
                line.append((char) (b & 0xff));
            }
        }

        private void fill() throws IOException {
            int read = in.read(buffer, 0, buffer.length);
            if (read < 0) {
                throw new EOFException("The server closed the connection");
            }
            position = 0;
            limit = read;
        }

        @Override
        public void close() {
            try {
                socket.close();
            } catch (IOException e) {
                // nothing is left to read from it
            }
        }
    }
}
