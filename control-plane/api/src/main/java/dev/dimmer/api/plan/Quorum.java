package dev.dimmer.api.plan;

import java.util.List;
import java.util.stream.Collectors;

/** The approvals a go/no-go needs, in words: "2 approvers and 1 lead". */
public final class Quorum {
    private Quorum() {
    }

    public static String describe(List<Approval> approvals) {
        return approvals.stream().map(a -> a.count() + " " + a.role().label() + (a.count() == 1 ? "" : "s"))
                .collect(Collectors.joining(" and "));
    }
}
