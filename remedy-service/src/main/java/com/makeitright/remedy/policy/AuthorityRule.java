package com.makeitright.remedy.policy;

import com.makeitright.contract.Monies;
import com.makeitright.events.AuthorityLevel;
import com.makeitright.events.RemedyKind;
import java.util.EnumSet;
import java.util.Set;

/** Who may grant a remedy: its cost to the business against each level's limit, and whether an agent must ask. */
record AuthorityRule(PolicyProperties p, Figures figures) {

    /** Remedies that follow from policy rather than from anyone's discretion: no approval needed. */
    private static final Set<RemedyKind> BY_POLICY = EnumSet.of(RemedyKind.MEDIATION, RemedyKind.INSPECTION);


    /** Who may grant these terms, and whether an agent must ask. */
    RemedyPolicy.Authority of(Terms t) {
        if (BY_POLICY.contains(t.kind())) {
            return new RemedyPolicy.Authority(AuthorityLevel.AGENT, false);
        }
        String c = t.currency();
        AuthorityLevel level;
        if (Monies.compare(t.estimatedCost(), figures.figure(p.authority().agent(), c)) <= 0) {
            level = AuthorityLevel.AGENT;
        } else if (Monies.compare(t.estimatedCost(), figures.figure(p.authority().supervisor(), c)) <= 0) {
            level = AuthorityLevel.SUPERVISOR;
        } else {
            level = AuthorityLevel.OWNER;
        }
        if (t.minimumAuthority().compareTo(level) > 0) {
            level = t.minimumAuthority();
        }
        return new RemedyPolicy.Authority(level, level != AuthorityLevel.AGENT);
    }
}
