package dev.dimmer.deploy.page;

/** A wave drawn as a dimmer: its phase (style and words) and the share of reads on the target. */
public record WaveBar(String name, PhaseStyle style, int weight, String reads) {
}
