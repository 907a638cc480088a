package com.makeitright.remedy.ledger;

import com.makeitright.platform.security.ServiceAccess;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.stereotype.Component;

import static com.makeitright.platform.security.Role.OWNER;
import static com.makeitright.platform.security.Role.SUPERVISOR;
import static com.makeitright.platform.security.Role.VIEWER;
import static com.makeitright.platform.security.Role.ids;

/** Who may call which of remedy's endpoints (SECURITY.md); anything not listed is refused by the platform. */
@Component
class RemedyAccess implements ServiceAccess {

    @Override
    public void authorize(ServerHttpSecurity.AuthorizeExchangeSpec exchanges) {
        exchanges
                // the internal part: what /api/ledger gathers from every instance, with the caller's credential
                .pathMatchers(HttpMethod.GET, "/api/ledger", "/internal/ledger-part").hasAnyRole(ids(VIEWER, SUPERVISOR, OWNER))
                .pathMatchers(HttpMethod.GET, "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**",
                        "/webjars/**").permitAll();
    }
}
