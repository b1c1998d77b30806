package dev.dimmer.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.stream.Stream;

/**
 * CPU seconds used so far by a local database server, from /proc: the server process and its children alive now
 * plus the children it has already reaped. Unlike wall time it does not grow when other work shares the cores.
 */
public final class ServerCpuTime {
    private static final double TICKS_PER_SECOND = 100.0;

    private ServerCpuTime() {
    }

    /** The process tree under PostgreSQL's postmaster, found as the parent of one of its backends. */
    public static OptionalDouble postgres(long backendPid) {
        List<String> backend = stat(backendPid);
        if (backend.isEmpty()) {
            return OptionalDouble.empty();
        }
        return tree(Long.parseLong(backend.get(3)));
    }

    /** MariaDB runs as one process (mariadbd, or mysqld on older releases) with a thread per connection. */
    public static OptionalDouble mariaDb() {
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            double seconds = 0;
            boolean found = false;
            for (Path process : processes.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
                List<String> fields = stat(Long.parseLong(process.getFileName().toString()));
                if (!fields.isEmpty() && (fields.get(1).equals("(mariadbd)") || fields.get(1).equals("(mysqld)"))) {
                    seconds += cpu(fields, true);
                    found = true;
                }
            }
            return found ? OptionalDouble.of(seconds) : OptionalDouble.empty();
        } catch (IOException e) {
            return OptionalDouble.empty();
        }
    }

    private static OptionalDouble tree(long root) {
        List<String> rootFields = stat(root);
        if (rootFields.isEmpty()) {
            return OptionalDouble.empty();
        }
        double seconds = cpu(rootFields, true);
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            for (Path process : processes.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
                List<String> fields = stat(Long.parseLong(process.getFileName().toString()));
                if (!fields.isEmpty() && Long.parseLong(fields.get(3)) == root) {
                    seconds += cpu(fields, false);
                }
            }
        } catch (IOException e) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(seconds);
    }

    /** utime + stime, and with {@code reaped} also cutime + cstime (fields 14 to 17 of /proc/PID/stat). */
    private static double cpu(List<String> fields, boolean reaped) {
        long ticks = Long.parseLong(fields.get(13)) + Long.parseLong(fields.get(14));
        if (reaped) {
            ticks += Long.parseLong(fields.get(15)) + Long.parseLong(fields.get(16));
        }
        return ticks / TICKS_PER_SECOND;
    }

    /** The fields of /proc/PID/stat, the command name (which may hold spaces) kept whole; empty if gone. */
    private static List<String> stat(long pid) {
        try {
            String line = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            int open = line.indexOf('(');
            int close = line.lastIndexOf(')');
            List<String> fields = new ArrayList<>();
            fields.add(line.substring(0, open).trim());
            fields.add(line.substring(open, close + 1));
            for (String field : line.substring(close + 1).trim().split(" ")) {
                fields.add(field);
            }
            return fields;
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }
}
