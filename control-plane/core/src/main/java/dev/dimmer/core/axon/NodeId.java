package dev.dimmer.core.axon;

import java.lang.management.ManagementFactory;

/**
 * This node's name among the nodes on one database: {@code dimmer.node-id} when set, else the JVM's process id@host.
 * It owns the node's processor claims (token_entry.owner) and is its Quartz instance id
 * (qrtz_fired_triggers.instance_name, qrtz_scheduler_state), so the database says which node holds what.
 */
public final class NodeId {
    private NodeId() {
    }

    public static String of(String configured) {
        return configured == null || configured.isBlank() ? ManagementFactory.getRuntimeMXBean().getName()
                : configured.strip();
    }
}
