package dev.dimmer.deploy.server;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The embedded database's roles: the superuser with a password, and the control plane's own login role that owns
 * its database and nothing more (no superuser, so no {@code COPY ... TO PROGRAM}, no reading the server's files).
 */
final class EmbeddedRoles {
    private final String adminUrl;
    private final String adminPassword;
    private final String password;
    private final String database;
    private final String role;

    EmbeddedRoles(String adminUrl, String adminPassword, String password, String database, String role) {
        this.adminUrl = adminUrl;
        this.adminPassword = adminPassword;
        this.password = password;
        this.database = database;
        this.role = role;
    }

    /** Idempotent: sets passwords, creates what is missing, and hands an older database's objects to the role. */
    void ensure() throws SQLException {
        try (Connection c = DriverManager.getConnection(adminUrl, "postgres", adminPassword);
             Statement s = c.createStatement()) {
            s.execute("SET password_encryption = 'scram-sha-256'");
            s.execute("ALTER ROLE postgres PASSWORD " + literal(password));
            if (!exists(c, "SELECT 1 FROM pg_roles WHERE rolname = ?", role)) {
                s.execute("CREATE ROLE " + role + " LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD "
                        + literal(password));
            } else {
                s.execute("ALTER ROLE " + role + " LOGIN NOSUPERUSER PASSWORD " + literal(password));
            }
            if (!exists(c, "SELECT 1 FROM pg_database WHERE datname = ?", database)) {
                s.execute("CREATE DATABASE " + database + " OWNER " + role);
                return;
            }
            s.execute("ALTER DATABASE " + database + " OWNER TO " + role);
        }
        handOver();
    }

    void reload() throws SQLException {
        try (Connection c = DriverManager.getConnection(adminUrl, "postgres", adminPassword);
             Statement s = c.createStatement()) {
            s.execute("SELECT pg_reload_conf()");
        }
    }

    /** Tables, views and free-standing sequences an earlier version created as the superuser. */
    private void handOver() throws SQLException {
        String url = adminUrl.replace("/postgres?", "/" + database + "?");
        try (Connection c = DriverManager.getConnection(url, "postgres", adminPassword);
             Statement s = c.createStatement()) {
            s.execute("""
                    DO $$
                    DECLARE r record;
                    BEGIN
                      FOR r IN SELECT c.relname, c.relkind FROM pg_class c
                               JOIN pg_namespace n ON n.oid = c.relnamespace
                               WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'v', 'm', 'S')
                                 AND pg_get_userbyid(c.relowner) <> '%1$s'
                                 AND NOT (c.relkind = 'S' AND EXISTS (SELECT 1 FROM pg_depend d
                                          WHERE d.objid = c.oid AND d.deptype IN ('a', 'i')))
                      LOOP
                        EXECUTE format('ALTER %%s %%I OWNER TO %1$s', CASE r.relkind WHEN 'v' THEN 'VIEW'
                          WHEN 'm' THEN 'MATERIALIZED VIEW' WHEN 'S' THEN 'SEQUENCE' ELSE 'TABLE' END, r.relname);
                      END LOOP;
                    END $$""".formatted(role));
        }
    }

    private static boolean exists(Connection c, String sql, String name) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(sql)) {
            p.setString(1, name);
            try (ResultSet r = p.executeQuery()) {
                return r.next();
            }
        }
    }

    private static String literal(String value) {
        return "'" + value.replace("'", "''") + "'";
    }
}
