package com.makeitright.intake.web;

import com.makeitright.platform.links.LinkTokens;
import com.makeitright.platform.security.ServiceAccess;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.stereotype.Component;

import static com.makeitright.platform.security.Role.AGENT;
import static com.makeitright.platform.security.Role.HELPDESK;
import static com.makeitright.platform.security.Role.OWNER;
import static com.makeitright.platform.security.Role.SUPERVISOR;
import static com.makeitright.platform.security.Role.VIEWER;
import static com.makeitright.platform.security.Role.ids;

/**
 * Who may call which of intake's endpoints (SECURITY.md); anything not listed is refused by the platform.
 * Webhooks carry their own credential (the helpdesk's signature, checked by {@code WebhookAuth}) and the
 * customer pages theirs (the signed link token): neither takes a bearer.
 */
@Component
class IntakeAccess implements ServiceAccess {

    static final String ACTION = "/api/complaints/*/";

    @Override
    public void authorize(ServerHttpSecurity.AuthorizeExchangeSpec exchanges) {
        exchanges
                .pathMatchers(HttpMethod.POST, "/api/complaints").hasRole(HELPDESK.id())
                .pathMatchers(HttpMethod.POST, ACTION + "remedy-response").hasRole(HELPDESK.id())
                .pathMatchers(HttpMethod.POST, ACTION + "approval").hasAnyRole(ids(SUPERVISOR, OWNER))
                .pathMatchers(HttpMethod.POST, ACTION + "fulfillment").hasAnyRole(ids(AGENT, SUPERVISOR, OWNER))
                .pathMatchers(HttpMethod.POST, ACTION + "follow-up-outcome").hasRole(AGENT.id())
                .pathMatchers(HttpMethod.POST, ACTION + "acknowledgement").hasRole(AGENT.id())
                .pathMatchers(HttpMethod.GET, "/api/complaints/*")
                .hasAnyRole(ids(VIEWER, HELPDESK, AGENT, SUPERVISOR, OWNER))
                // another intake instance reading a complaint this one holds, with its caller's credential or the
                // peer key (a viewer): whoever may read a complaint may read it here
                .pathMatchers(HttpMethod.GET, "/internal/status-view/*")
                .hasAnyRole(ids(VIEWER, HELPDESK, AGENT, SUPERVISOR, OWNER))
                // another intake instance matching a new complaint to the customer's open cases in its partitions:
                // with the submitting caller's credential (helpdesk) or the peer key (a viewer), for webhooks
                .pathMatchers(HttpMethod.POST, "/internal/open-cases").hasAnyRole(ids(VIEWER, HELPDESK))
                // the right to erasure (docs/privacy.md)
                .pathMatchers(HttpMethod.DELETE, "/api/customers/*/personal-data").hasRole(SUPERVISOR.id())
                // do-not-contact (docs/http-api.md): a supervisor's decision, like an erasure
                .pathMatchers(HttpMethod.PUT, "/api/customers/*/do-not-contact").hasRole(SUPERVISOR.id())
                .pathMatchers(HttpMethod.DELETE, "/api/customers/*/do-not-contact").hasRole(SUPERVISOR.id())
                .pathMatchers(HttpMethod.POST, "/api/webhooks/**").permitAll()
                .pathMatchers(LinkTokens.ANSWER_PATH).permitAll()
                // The API's description, not its data.
                .pathMatchers(HttpMethod.GET, "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**",
                        "/webjars/**").permitAll();
    }
}
