package dev.dimmer.deploy.rollback;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A webhook endpoint on loopback that keeps every call it gets: its Idempotency-Key, whether the HMAC signature
 * over the body checks out with the secret, the rehearsal header and the body. It can answer with a chosen status,
 * or hold the first call until released (to kill the caller in the middle of a step).
 */
public final class WebhookReceiver implements AutoCloseable {
    private final HttpServer server;
    private final String secret;
    private final List<Call> calls = new ArrayList<>();
    private final AtomicInteger status = new AtomicInteger(200);
    private volatile CountDownLatch hold;

    public WebhookReceiver(String secret) throws IOException {
        this.secret = secret;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", this::handle);
        server.start();
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    public void answer(int code) {
        status.set(code);
    }

    /** The next call is kept waiting until {@link #release()}. */
    public void holdNext() {
        hold = new CountDownLatch(1);
    }

    public void release() {
        CountDownLatch latch = hold;
        hold = null;
        if (latch != null) {
            latch.countDown();
        }
    }

    public synchronized List<Call> calls() {
        return List.copyOf(calls);
    }

    public long callsWithKey(String key) {
        return calls().stream().filter(c -> key.equals(c.key())).count();
    }

    private void handle(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        String signature = exchange.getRequestHeaders().getFirst("X-Dimmer-Signature");
        Call call = new Call(exchange.getRequestURI().getPath(), exchange.getRequestHeaders().getFirst("Idempotency-Key"),
                signature != null && signature.equals("sha256=" + sign(body)),
                "true".equals(exchange.getRequestHeaders().getFirst("X-Dimmer-Rehearsal")),
                new String(body, StandardCharsets.UTF_8));
        synchronized (this) {
            calls.add(call);
        }
        CountDownLatch latch = hold;
        if (latch != null) {
            try {
                latch.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        exchange.sendResponseHeaders(status.get(), -1);
        exchange.close();
    }

    private String sign(byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        release();
        server.stop(0);
    }

    public record Call(String path, String key, boolean signed, boolean rehearsal, String body) {
    }
}
