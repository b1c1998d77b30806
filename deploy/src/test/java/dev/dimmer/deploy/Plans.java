package dev.dimmer.deploy;

/** Plans for tests, in YAML as users write them. */
public final class Plans {
    private Plans() {
    }

    public static String customersThenOrders(String slug) {
        return """
                slug: %s
                title: CRM to managed PostgreSQL
                owners:
                  - {id: U01LEAD, name: Ada Lead, role: lead}
                waves:
                  - name: customers
                    canary_steps: [10, 50]
                  - name: orders
                    depends_on: [customers]
                    canary_steps: [25]
                """.formatted(slug);
    }

    /** customers then orders, each with the routing switch its consumers read. */
    public static String switched(String slug) {
        return """
                slug: %s
                title: CRM to managed PostgreSQL
                owners:
                  - {id: U01LEAD, name: Ada Lead, role: lead}
                waves:
                  - name: customers
                    canary_steps: [10, 50]
                    switch: customers-read-path
                  - name: orders
                    depends_on: [customers]
                    canary_steps: [25]
                    switch: orders-read-path
                """.formatted(slug);
    }
}
