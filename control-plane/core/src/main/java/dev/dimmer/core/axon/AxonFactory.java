package dev.dimmer.core.axon;

import dev.dimmer.api.audit.AuditMetadata;
import dev.dimmer.api.status.LogGrewElsewhere;
import dev.dimmer.core.audit.NotarisingEventStorage;
import dev.dimmer.core.audit.Notary;
import dev.dimmer.core.auth.PlanOwners;
import dev.dimmer.core.migration.Migration;
import io.micronaut.context.BeanContext;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.inject.BeanDefinition;
import io.micronaut.inject.qualifiers.Qualifiers;
import jakarta.inject.Singleton;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import javax.sql.DataSource;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.caching.WeakReferenceCache;
import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.Configuration;
import org.axonframework.config.Configurer;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.messaging.interceptors.CorrelationDataInterceptor;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.QueryHandler;
import org.axonframework.serialization.Serializer;

/**
 * Builds Axon outside Spring: JDBC event and token stores on the control plane's PostgreSQL (tables owned by
 * Flyway), Jackson serialization, the Migration aggregate with snapshots and a cache, and every bean annotated
 * {@code @ProcessingGroup} (projections, notifiers) as an event handler in a pooled streaming processor.
 */
@Factory
public class AxonFactory {

    @Singleton
    JdbcTransactions jdbcTransactions(DataSource dataSource) {
        return new JdbcTransactions(dataSource);
    }

    @Singleton
    IdempotencyRecords idempotencyRecords(JdbcTransactions transactions,
                                          @Value("${dimmer.api.idempotency-retention:24h}") Duration retention) {
        return new IdempotencyRecords(transactions, retention);
    }

    @Context
    @Bean(preDestroy = "shutdown")
    Configuration axonConfiguration(JdbcTransactions transactions, IdempotencyRecords idempotency,
                                    HandlerFailures failures, BeanContext beans,
                                    @Value("${dimmer.axon.snapshot-threshold:20}") int snapshotThreshold,
                                    @Value("${dimmer.axon.batch-size:5000}") int batchSize,
                                    @Value("${dimmer.axon.fetch-size:2000}") int fetchSize,
                                    @Value("${dimmer.axon.aggregate-cache:false}") boolean aggregateCache,
                                    @Value("${dimmer.axon.claim-interval-ms:500}") long claimInterval,
                                    @Value("${dimmer.axon.segments:1}") int segments,
                                    @Value("${dimmer.node-id:}") String nodeId,
                                    @Value("${dimmer.axon.claim-timeout:10s}") Duration claimTimeout,
                                    Notary notary, dev.dimmer.core.metrics.CommandMetrics commandMetrics,
                                    @Value("${dimmer.audit.notary:true}") boolean notarise) {
        Serializer serializer = AxonJson.serializer();
        // false: skip ServiceLoader modules, among them an update checker that calls out to the internet
        Configurer configurer = DefaultConfigurer.defaultConfiguration(false)
                .configureSerializer(c -> serializer)
                .configureEventSerializer(c -> serializer)
                .configureMessageSerializer(c -> serializer)
                .configureTransactionManager(c -> transactions)
                .configureCorrelationDataProviders(c -> List.of(
                        new MessageOriginProvider(AuditMetadata.CAUSATION_ID, AuditMetadata.CORRELATION_ID),
                        new SimpleCorrelationDataProvider(AuditMetadata.PROVENANCE_KEYS)))
                // a component of its own, so that a projection rebuild can read the log without the store's
                // tailing machinery; every event read from it carries its own global index
                .registerComponent(EventStorageEngine.class, c -> AxonSchemas.positioned(
                        JdbcEventStorageEngine.builder()
                                .connectionProvider(transactions)
                                .transactionManager(transactions)
                                .eventSerializer(serializer)
                                .snapshotSerializer(serializer)
                                .dataType(byte[].class)
                                .schema(AxonSchemas.events())
                                .batchSize(fetchSize)
                                .persistenceExceptionResolver(new PostgresErrorResolver())
                                .build(), transactions, notarise ? notary : null))
                // Axon's embedded store, able to read the log at once when another node appended (ForeignAppends)
                .configureEventStore(c -> {
                    PromptEventStore store = new PromptEventStore(EmbeddedEventStore.builder()
                            .storageEngine(c.getComponent(EventStorageEngine.class))
                            .messageMonitor(c.messageMonitor(EmbeddedEventStore.class, "eventStore")));
                    c.onShutdown(store::shutDown);
                    return store;
                })
                .configureCommandBus(c -> {
                    var transactionManager = c.getComponent(
                            org.axonframework.common.transaction.TransactionManager.class);
                    RefusalRecording refusals = new RefusalRecording(() -> c.repository(Migration.class),
                            transactionManager, c::correlationDataProviders);
                    SimpleCommandBus bus = new RecordingRefusalsBus(SimpleCommandBus.builder()
                            .transactionManager(transactionManager).messageMonitor(commandMetrics), refusals);
                    bus.registerDispatchInterceptor(new ProvenanceMetadata());
                    bus.registerHandlerInterceptor(new CommandShape());
                    bus.registerHandlerInterceptor(new CommandAuthorization(new PlanOwners(c::eventStore)));
                    bus.registerHandlerInterceptor(new CorrelationDataInterceptor<>(c.correlationDataProviders()));
                    // after the bus's transaction interceptor: the key's row commits with the command's events
                    bus.registerHandlerInterceptor(new IdempotencyRecording(idempotency));
                    return bus;
                })
                .registerComponent(org.axonframework.eventhandling.tokenstore.TokenStore.class,
                        c -> JdbcTokenStore.builder()
                                .nodeId(NodeId.of(nodeId))
                                .claimTimeout(claimTimeout)
                                .connectionProvider(transactions)
                                .serializer(serializer)
                                .contentType(byte[].class)
                                .schema(AxonSchemas.tokens())
                                .build())
                .configureAggregate(aggregate(snapshotThreshold, aggregateCache));
        configurer.eventProcessing()
                // an event a handler could not take is tried again, never skipped: the views and the audit trail
                // must hold every event of the log; the last failure of each processor is kept for operators
                .registerDefaultListenerInvocationErrorHandler(c -> PropagatingErrorHandler.instance())
                .registerDefaultErrorHandler(c -> failures.batchErrors())
                .usingPooledStreamingEventProcessors()
                .registerPooledStreamingEventProcessorConfiguration((c, builder) -> builder
                        .messageSource(c.getComponent(PromptEventSource.class, () -> new PromptEventSource(c.eventStore())))
                        .batchSize(batchSize)
                        .initialSegmentCount(segments)
                        .tokenClaimInterval(claimInterval));
        for (BeanDefinition<?> definition : beans.getBeanDefinitions(Qualifiers.byStereotype(ProcessingGroup.class))) {
            Object handler = beans.getBean(definition);
            configurer.eventProcessing().registerEventHandler(c -> handler);
            definition.stringValue(ProcessingGroup.class).ifPresent(group -> configurer.eventProcessing()
                    .registerListenerInvocationErrorHandler(group, c -> failures.handlerErrors(group)));
        }
        for (BeanDefinition<?> definition : beans.getAllBeanDefinitions()) {
            if (definition.getBeanType().getName().startsWith("dev.dimmer.")
                    && hasQueryHandlers(definition.getBeanType())) {
                Object handler = beans.getBean(definition);
                configurer.registerQueryHandler(c -> handler);
            }
        }
        return configurer.start();
    }

    /**
     * Snapshots keep long-lived migrations quick to load. The cache is for a single node only: a second node
     * sharing the database would act on a stale cached aggregate and lose every first race.
     */
    private static AggregateConfigurer<Migration> aggregate(int snapshotThreshold, boolean cache) {
        AggregateConfigurer<Migration> aggregate = AggregateConfigurer.defaultConfiguration(Migration.class)
                .configureCommandTargetResolver(c -> new ExpectedVersionResolver())
                .configureSnapshotTrigger(c -> new EventCountSnapshotTriggerDefinition(c.snapshotter(),
                        snapshotThreshold));
        return cache ? aggregate.configureCache(c -> new WeakReferenceCache()) : aggregate;
    }

    /**
     * Wakes this node's event store, processors and switch follower when another node appends (PostgreSQL LISTEN, one
     * connection per node), so that the views it keeps, the answers that wait for them and the switches it serves
     * follow commands sent to any node within milliseconds.
     */
    @Context
    @Bean(preDestroy = "close")
    @io.micronaut.context.annotation.Requires(property = "dimmer.switches.listen", notEquals = "false")
    ForeignAppends foreignAppends(DataSource dataSource, Configuration axon,
                                  ApplicationEventPublisher<LogGrewElsewhere> followers) {
        return new ForeignAppends(dataSource, () -> {
            if (axon.eventStore() instanceof PromptEventStore store) {
                store.fetchNow();
            }
            axon.getComponent(PromptEventSource.class, () -> new PromptEventSource(axon.eventStore())).wake();
            // the switch follower reads the log on a thread of its own
            followers.publishEvent(LogGrewElsewhere.NOW);
        });
    }

    @Singleton
    CommandGateway commandGateway(Configuration configuration) {
        return configuration.commandGateway();
    }

    @Singleton
    QueryGateway queryGateway(Configuration configuration) {
        return configuration.queryGateway();
    }

    @Singleton
    EventProcessingConfiguration eventProcessingConfiguration(Configuration configuration) {
        return configuration.eventProcessingConfiguration();
    }

    private static boolean hasQueryHandlers(Class<?> type) {
        return Arrays.stream(type.getDeclaredMethods()).map(Method::getDeclaredAnnotations).flatMap(Arrays::stream)
                .anyMatch(a -> a.annotationType() == QueryHandler.class);
    }
}
