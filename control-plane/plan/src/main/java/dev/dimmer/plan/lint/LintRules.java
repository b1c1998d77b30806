package dev.dimmer.plan.lint;

import java.util.List;

/** Every rule Dimmer lints with, in the order of the field's checklist. */
public final class LintRules {
    public static final List<LintRule> ALL = List.of(
            new WaveWithoutRoutingSwitch(),
            new WaveWithoutShadowRun(),
            new SingleWaveForManyDomains(),
            new ValidationMissing(),
            new RowCountOnlyValidation(),
            new FreshnessWithoutColumn(),
            new InventoryMissing(),
            new HiddenConsumers(),
            new ConsumerWithoutOwner(),
            new DatasetWithoutOwner(),
            new DatasetWithoutSla(),
            new RollbackMissing(),
            new RollbackNotReversible(),
            new RollbackTooSlow(),
            new RollbackNotEstimated(),
            new RollbackNotRehearsed(),
            new RollbackRehearsalDeclared(),
            new RetentionMissing(),
            new DowntimeBudgetMissing(),
            new DataDelayToleranceMissing(),
            new CommunicationMissing(),
            new CadenceMissing(),
            new GoNoGoReviewLate(),
            new GoNoGoGateMissing(),
            new ReadinessIncomplete(),
            new WindowMissing(),
            new WindowInFreeze());

    private LintRules() {
    }
}
