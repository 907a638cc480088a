package com.makeitright.platform.security;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Who a caller is to the services (SECURITY.md). A credential carries one or more; an endpoint names the roles it
 * admits in its service's {@link ServiceAccess}. Names are lower case, as in {@code .run/credentials/ROLE} and in a
 * JWT's roles claim.
 */
public enum Role {
    /** A helpdesk integration: posts complaints and answers on the customer's behalf. */
    HELPDESK,
    /** Fulfils agreed remedies and records follow-up outcomes. */
    AGENT,
    /** Approves offers up to the supervisor's authority. */
    SUPERVISOR,
    /** Approves offers above the supervisor's limit. */
    OWNER,
    /** Reads: status, ledger, insights, dashboard. */
    VIEWER,
    /** Runs the system: metrics, health details, dead-letter tools. */
    OPS;

    /** The name in configuration, files and tokens: {@code helpdesk}, {@code agent}, … */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The Spring Security authority, so {@code hasRole(role.id())} and actuator's health roles match it. */
    public String authority() {
        return "ROLE_" + id();
    }

    public static Optional<Role> of(String name) {
        String wanted = name == null ? "" : name.trim();
        return Arrays.stream(values()).filter(role -> role.id().equalsIgnoreCase(wanted)).findFirst();
    }

    /** Role ids for {@code hasAnyRole(...)}. */
    public static String[] ids(Role... roles) {
        return Arrays.stream(roles).map(Role::id).toArray(String[]::new);
    }
}
