package com.makeitright.intake.common;

import com.makeitright.events.AuthorityLevel;
import com.makeitright.platform.security.Role;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

import java.security.Principal;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who does an action: the authenticated client or person and their roles (SECURITY.md). The approver, fulfiller
 * and responder of an event are this, never a field of the request body.
 */
public record Actor(String name, Set<String> authorities) {

    /** The customer answering through their own signed link. */
    public static final Actor CUSTOMER = new Actor("customer", Set.of());

    public static Actor of(Principal principal) {
        if (principal == null) {
            // The platform's chain authenticates every action path; without a principal nothing may be decided.
            throw new IllegalStateException("An action reached intake without an authenticated caller");
        }
        Set<String> authorities = principal instanceof Authentication authentication
                ? authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority).collect(Collectors.toSet())
                : Set.of();
        return new Actor(principal.getName(), authorities);
    }

    public boolean has(Role role) {
        return authorities.contains(role.authority());
    }

    /** The highest approval authority of the actor's roles: OWNER, SUPERVISOR, else AGENT. */
    public AuthorityLevel authority() {
        return has(Role.OWNER) ? AuthorityLevel.OWNER : has(Role.SUPERVISOR) ? AuthorityLevel.SUPERVISOR : AuthorityLevel.AGENT;
    }
}
