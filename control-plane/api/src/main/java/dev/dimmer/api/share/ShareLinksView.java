package dev.dimmer.api.share;

import java.util.List;

/** A migration's share links, oldest first. */
public record ShareLinksView(String migrationId, List<ShareLinkView> links) {
    public ShareLinksView {
        links = List.copyOf(links);
    }
}
