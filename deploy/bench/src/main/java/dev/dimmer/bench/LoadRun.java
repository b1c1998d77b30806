package dev.dimmer.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

/** Requests sent back to back on a few kept-alive connections for a while: how many per second, how fast. */
final class LoadRun {
    private LoadRun() {
    }

    record Result(double perSecond, double p50, double p99, int requests) {
    }

    static Result run(String url, String token, String path, IntFunction<String> body, int connections,
                      double seconds) throws Exception {
        run(url, token, path, body, connections, Math.min(2, seconds), new Latencies());
        Latencies all = new Latencies();
        long started = System.nanoTime();
        run(url, token, path, body, connections, seconds, all);
        double elapsed = (System.nanoTime() - started) / 1e9;
        return new Result(all.count() / elapsed, all.millis(50), all.millis(99), all.count());
    }

    private static void run(String url, String token, String path, IntFunction<String> body, int connections,
                            double seconds, Latencies into) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(connections);
        long deadline = System.nanoTime() + (long) (seconds * 1e9);
        List<Future<Latencies>> done = new ArrayList<>();
        for (int c = 0; c < connections; c++) {
            int connection = c;
            done.add(pool.submit(() -> {
                Latencies latencies = new Latencies();
                try (RawHttp http = new RawHttp(url, token)) {
                    for (int i = connection; System.nanoTime() < deadline; i += connections) {
                        String json = body.apply(i);
                        long sent = System.nanoTime();
                        RawHttp.Answer answer = http.post(path, json, null);
                        latencies.add(System.nanoTime() - sent);
                        if (answer.status() != 200) {
                            throw new IllegalStateException(path + " answered " + answer.status() + ": "
                                    + answer.body());
                        }
                    }
                }
                return latencies;
            }));
        }
        for (Future<Latencies> f : done) {
            into.addAll(f.get());
        }
        pool.shutdown();
    }
}
