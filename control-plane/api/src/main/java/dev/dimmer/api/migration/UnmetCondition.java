package dev.dimmer.api.migration;

/** One condition a refused command did not meet, with the code programs branch on and the sentence people read. */
public record UnmetCondition(RejectionCode code, String sentence) {
}
