package dev.dimmer.core.schedule;

import dev.dimmer.core.axon.NodeId;
import io.micronaut.context.BeanContext;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import javax.sql.DataSource;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.impl.StdSchedulerFactory;
import org.quartz.utils.ConnectionProvider;
import org.quartz.utils.DBConnectionManager;

/**
 * The node's one Quartz scheduler: the JDBC job store on the control plane's database (JobStoreTX, the PostgreSQL
 * delegate, clustered with the node's id as its instance id, triggers acquired within the lock), connections from the server's
 * Hikari pool, jobs made by the DI container. Every node on one database shares the scheduler name, so the nodes
 * share the work; the name is the database's, so control planes on different databases in one JVM (tests) keep
 * their own schedulers. It is started and stopped by {@link ScheduleEngine}.
 */
@Factory
@Requires(property = "dimmer.schedule.enabled", notEquals = "false")
class QuartzFactory {
    @Singleton
    Scheduler scheduler(DataSource dataSource, BeanContext beans,
                        @Value("${dimmer.schedule.threads:10}") int threads,
                        @Value("${dimmer.schedule.checkin-interval-ms:1000}") long checkin,
                        @Value("${dimmer.schedule.misfire-threshold-ms:15000}") long misfireThreshold,
                        @Value("${dimmer.schedule.idle-wait-ms:1000}") long idleWait,
                        @Value("${dimmer.node-id:}") String nodeId) throws SchedulerException {
        String name = "dimmer:" + database(dataSource);
        DBConnectionManager.getInstance().addConnectionProvider(name, new ConnectionProvider() {
            @Override
            public Connection getConnection() throws SQLException {
                return dataSource.getConnection();
            }

            @Override
            public void shutdown() {
                // the pool belongs to the server; it closes it
            }

            @Override
            public void initialize() {
                // the pool is up before the scheduler is made
            }
        });
        Properties properties = new Properties();
        properties.setProperty("org.quartz.scheduler.instanceName", name);
        // the node's own name, as its processor claims have: which node holds a trigger is read from the database
        properties.setProperty("org.quartz.scheduler.instanceId", NodeId.of(nodeId));
        properties.setProperty("org.quartz.scheduler.skipUpdateCheck", "true");
        properties.setProperty("org.quartz.scheduler.idleWaitTime", String.valueOf(idleWait));
        // a firing only queues a row, so threads are cheap; a batch takes as many triggers of one fire time as there
        // are threads (a migration's ten validations fall due together), one lock round trip for all of them
        properties.setProperty("org.quartz.scheduler.batchTriggerAcquisitionMaxCount", String.valueOf(threads));
        properties.setProperty("org.quartz.threadPool.class", "org.quartz.simpl.SimpleThreadPool");
        properties.setProperty("org.quartz.threadPool.threadCount", String.valueOf(threads));
        properties.setProperty("org.quartz.threadPool.threadNamePrefix", "dimmer-schedule");
        properties.setProperty("org.quartz.jobStore.class", "org.quartz.impl.jdbcjobstore.JobStoreTX");
        properties.setProperty("org.quartz.jobStore.driverDelegateClass",
                "org.quartz.impl.jdbcjobstore.PostgreSQLDelegate");
        properties.setProperty("org.quartz.jobStore.dataSource", name);
        properties.setProperty("org.quartz.jobStore.tablePrefix", "QRTZ_");
        properties.setProperty("org.quartz.jobStore.useProperties", "true");
        properties.setProperty("org.quartz.jobStore.isClustered", "true");
        // a node that stops checking in is taken for dead after this plus Quartz's fixed 7.5 s, and another node
        // fires what it held: with 1 s, within about 9.5 s, inside the misfire threshold (15 s), so a recovered
        // trigger still fires for its own slot and a job every 10 s loses none; a node holds triggers at most the
        // idle wait (1 s) before they are due
        properties.setProperty("org.quartz.jobStore.clusterCheckinInterval", String.valueOf(checkin));
        properties.setProperty("org.quartz.jobStore.acquireTriggersWithinLock", "true");
        properties.setProperty("org.quartz.jobStore.misfireThreshold", String.valueOf(misfireThreshold));
        Scheduler scheduler = new StdSchedulerFactory(properties).getScheduler();
        scheduler.setJobFactory((bundle, owner) -> beans.getBean(bundle.getJobDetail().getJobClass()));
        return scheduler;
    }

    private static String database(DataSource dataSource) {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet row = s.executeQuery("SELECT current_database()")) {
            row.next();
            return row.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException("the scheduler cannot read the database's name: " + e.getMessage(), e);
        }
    }
}
