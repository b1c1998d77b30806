package dev.dimmer.testing;

/** A PostgreSQL server tests can create databases on. */
interface PostgresServer {
    String kind();

    String urlFor(String database);

    String user();

    String password();

    void drop(String database);
}
