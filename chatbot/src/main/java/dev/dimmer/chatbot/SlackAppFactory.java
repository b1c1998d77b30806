package dev.dimmer.chatbot;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

/**
 * Builds the Slack Web API client (pointed at {@code DIMMER_SLACK_API_URL}) and the Bolt app with every slash
 * command and interaction registered. Request verification is on whenever a signing secret is configured.
 */
@Factory
final class SlackAppFactory {
    @Singleton
    @Bean(preDestroy = "close")
    Slack slack(SlackSettings settings) {
        SlackConfig config = new SlackConfig();
        config.setMethodsEndpointUrlPrefix(settings.apiUrl());
        config.setStatsEnabled(false);
        return Slack.getInstance(config);
    }

    @Singleton
    @Requires(property = "dimmer.slack.bot-token")
    App app(SlackSettings settings, Slack slack, MigrationSlackHandler migration, WaveSlackHandler waves,
            GoNoGoSlackHandler goNoGo) {
        AppConfig config = AppConfig.builder()
                .slack(slack)
                .singleTeamBotToken(settings.botToken())
                .signingSecret(settings.signingSecret())
                .requestVerificationEnabled(settings.signingSecret() != null)
                .build();
        App app = new App(config);
        app.command("/migration", migration::handle);
        app.command("/cutover", waves::cutover);
        app.command("/rollback", waves::rollback);
        app.command("/gonogo", goNoGo::open);
        app.blockAction(GoNoGoCard.APPROVE, goNoGo::approve);
        app.blockAction(GoNoGoCard.REJECT, goNoGo::askReason);
        app.viewSubmission(GoNoGoSlackHandler.REJECT_MODAL, goNoGo::reject);
        return app;
    }
}
