package dev.dimmer.deploy.server;

/** A PostgreSQL database the control plane runs on; closing it stops what was started for it. */
public interface Database extends AutoCloseable {
    String url();

    String user();

    String password();

    String describe();

    @Override
    void close();

    static Database external(String url, String user, String password) {
        return new Database() {
            public String url() {
                return url;
            }

            public String user() {
                return user;
            }

            public String password() {
                return password;
            }

            public String describe() {
                return url.replaceAll("password=[^&]*", "password=***");
            }

            public void close() {
                // owned by whoever runs it
            }
        };
    }
}
