package com.makeitright.followup.insights;

import com.makeitright.platform.security.ServiceAccess;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.stereotype.Component;

import static com.makeitright.platform.security.Role.OPS;
import static com.makeitright.platform.security.Role.OWNER;
import static com.makeitright.platform.security.Role.SUPERVISOR;
import static com.makeitright.platform.security.Role.VIEWER;
import static com.makeitright.platform.security.Role.ids;

/**
 * Who may call which of followup's endpoints (SECURITY.md); anything not listed is refused by the platform. The
 * dashboard's page shell is public (it holds no data); the data it fetches, with the viewer's bearer, is not.
 */
@Component
class FollowupAccess implements ServiceAccess {

    @Override
    public void authorize(ServerHttpSecurity.AuthorizeExchangeSpec exchanges) {
        exchanges
                // the internal part: what /api/insights gathers from every instance, with the caller's credential
                .pathMatchers(HttpMethod.GET, "/api/insights/**", "/api/insights", "/api/dashboard/**",
                        "/internal/insights-part")
                .hasAnyRole(ids(VIEWER, OPS, SUPERVISOR, OWNER))
                .pathMatchers(HttpMethod.GET, "/", "/index.html", "/*.css", "/*.js", "/*.ico", "/*.svg",
                        "/assets/**").permitAll()
                .pathMatchers(HttpMethod.GET, "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**",
                        "/webjars/**").permitAll();
    }
}
